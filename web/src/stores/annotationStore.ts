import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export const ANNOTATION_STORE_KEY = 'axis-annotation-store';

interface AnnotationStoreState {
  datasetId: string | null;
  indexByDataset: Record<string, number>;
  setDatasetId: (id: string | null) => void;
  setIndex: (datasetId: string, index: number) => void;
}

/** Which dataset the studio shows and where the annotator was in each; annotations live on the server. */
export const useAnnotationStore = create<AnnotationStoreState>()(
  persist(
    (set) => ({
      datasetId: null,
      indexByDataset: {},
      setDatasetId: (id) => set({ datasetId: id }),
      setIndex: (datasetId, index) => set((s) => ({ indexByDataset: { ...s.indexByDataset, [datasetId]: index } })),
    }),
    {
      name: ANNOTATION_STORE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ datasetId: s.datasetId, indexByDataset: s.indexByDataset }),
    },
  ),
);
