import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { EMPTY_FILTERS, type MonitoringFilters } from '../lib/monitoring/filters';
import type { Granularity } from '../lib/monitoring/types';

export const MONITORING_STORE_KEY = 'axis-monitoring-store';

interface MonitoringState {
  datasetId: string | null;
  filters: MonitoringFilters;
  granularity: Granularity;
  setDatasetId: (id: string | null) => void;
  setFilters: (patch: Partial<MonitoringFilters>) => void;
  resetFilters: () => void;
  setGranularity: (g: Granularity) => void;
}

/** The monitoring dataset, filters and trend granularity; the rows stay on the server. */
export const useMonitoringStore = create<MonitoringState>()(
  persist(
    (set) => ({
      datasetId: null,
      filters: EMPTY_FILTERS,
      granularity: 'daily',
      setDatasetId: (id) => set({ datasetId: id }),
      setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
      resetFilters: () => set({ filters: EMPTY_FILTERS }),
      setGranularity: (granularity) => set({ granularity }),
    }),
    {
      name: MONITORING_STORE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ datasetId: s.datasetId, filters: s.filters, granularity: s.granularity }),
    },
  ),
);
