import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { StudioConfig } from '../lib/annotation/config';

export const ANNOTATION_CONFIG_KEY = 'axis-annotation-config-store';

interface AnnotationConfigState {
  byDataset: Record<string, StudioConfig>;
  setConfig: (datasetId: string, config: StudioConfig) => void;
  resetConfig: (datasetId: string) => void;
}

/** Annotation Studio's Configure choices per dataset, kept in localStorage (the server has no route for them). */
export const useAnnotationConfigStore = create<AnnotationConfigState>()(
  persist(
    (set) => ({
      byDataset: {},
      setConfig: (datasetId, config) => set((s) => ({ byDataset: { ...s.byDataset, [datasetId]: config } })),
      resetConfig: (datasetId) =>
        set((s) => {
          const next = { ...s.byDataset };
          delete next[datasetId];
          return { byDataset: next };
        }),
    }),
    { name: ANNOTATION_CONFIG_KEY, version: 1, storage: createJSONStorage(() => localStorage), partialize: (s) => ({ byDataset: s.byDataset }) },
  ),
);
