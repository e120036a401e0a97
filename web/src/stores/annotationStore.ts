import { createDatasetPositionStore } from './datasetPositionStore';

export const ANNOTATION_STORE_KEY = 'axis-annotation-store';

/** Which dataset the studio shows and where the annotator was in each; annotations live on the server. */
export const useAnnotationStore = createDatasetPositionStore(ANNOTATION_STORE_KEY);
