import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export const SIGNALS_STORE_KEY = 'axis-signals-store';

interface SignalsState {
  datasetId: string | null;
  pageSize: number;
  /** Filter key → chosen values; the server applies them to every case. */
  filters: Record<string, string[]>;
  setDatasetId: (id: string | null) => void;
  setPageSize: (size: number) => void;
  setFilter: (key: string, values: string[]) => void;
  clearFilters: () => void;
}

export const useSignalsStore = create<SignalsState>()(
  persist(
    (set) => ({
      datasetId: null,
      pageSize: 10,
      filters: {},
      setDatasetId: (id) => set({ datasetId: id }),
      setPageSize: (pageSize) => set({ pageSize }),
      setFilter: (key, values) =>
        set((s) => {
          const next = { ...s.filters };
          if (values.length > 0) next[key] = values;
          else delete next[key];
          return { filters: next };
        }),
      clearFilters: () => set({ filters: {} }),
    }),
    {
      name: SIGNALS_STORE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ datasetId: s.datasetId, pageSize: s.pageSize, filters: s.filters }),
    },
  ),
);
