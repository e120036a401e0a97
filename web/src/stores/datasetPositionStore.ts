import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export interface DatasetPositionState {
  datasetId: string | null;
  indexByDataset: Record<string, number>;
  setDatasetId: (id: string | null) => void;
  setIndex: (datasetId: string, index: number) => void;
}

/**
 * A persisted store of which dataset a record-by-record page shows and where its user was in
 * each dataset, kept in localStorage under `name`.
 */
export function createDatasetPositionStore(name: string) {
  return create<DatasetPositionState>()(
    persist(
      (set) => ({
        datasetId: null,
        indexByDataset: {},
        setDatasetId: (id) => set({ datasetId: id }),
        setIndex: (datasetId, index) => set((s) => ({ indexByDataset: { ...s.indexByDataset, [datasetId]: index } })),
      }),
      {
        name,
        version: 1,
        storage: createJSONStorage(() => localStorage),
        partialize: (s) => ({ datasetId: s.datasetId, indexByDataset: s.indexByDataset }),
      },
    ),
  );
}
