import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export const CALIBER_STORE_KEY = 'axis-caliber-store';

interface CaliberStoreState {
  datasetId: string | null;
  indexByDataset: Record<string, number>;
  setDatasetId: (id: string | null) => void;
  setIndex: (datasetId: string, index: number) => void;
}

/** Which dataset CaliberHQ calibrates against and where the labeller was; labels live on the server. */
export const useCaliberStore = create<CaliberStoreState>()(
  persist(
    (set) => ({
      datasetId: null,
      indexByDataset: {},
      setDatasetId: (id) => set({ datasetId: id }),
      setIndex: (datasetId, index) => set((s) => ({ indexByDataset: { ...s.indexByDataset, [datasetId]: index } })),
    }),
    {
      name: CALIBER_STORE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ datasetId: s.datasetId, indexByDataset: s.indexByDataset }),
    },
  ),
);
