import { createDatasetPositionStore } from './datasetPositionStore';

export const CALIBER_STORE_KEY = 'axis-caliber-store';

/** Which dataset CaliberHQ calibrates against and where the labeller was; labels live on the server. */
export const useCaliberStore = createDatasetPositionStore(CALIBER_STORE_KEY);
