import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export const EVAL_STORE_KEY = 'axis-eval-store';

export type DeepDiveTab = 'overview' | 'distribution' | 'tradeoffs' | 'tree' | 'response' | 'conversation' | 'metadata';

interface PairChoice {
  baseline: string | null;
  challenger: string | null;
}

interface EvalState {
  datasetId: string | null;
  experimentByDataset: Record<string, string>;
  pairByDataset: Record<string, PairChoice>;
  deepDiveTab: DeepDiveTab;
  setDatasetId: (id: string | null) => void;
  setExperiment: (datasetId: string, name: string | null) => void;
  setPair: (datasetId: string, pair: PairChoice) => void;
  setDeepDiveTab: (tab: DeepDiveTab) => void;
  forgetDataset: (id: string) => void;
}

export const useEvalStore = create<EvalState>()(
  persist(
    (set) => ({
      datasetId: null,
      experimentByDataset: {},
      pairByDataset: {},
      deepDiveTab: 'overview',
      setDatasetId: (id) => set({ datasetId: id }),
      setExperiment: (datasetId, name) =>
        set((s) => {
          const next = { ...s.experimentByDataset };
          if (name) next[datasetId] = name;
          else delete next[datasetId];
          return { experimentByDataset: next };
        }),
      setPair: (datasetId, pair) => set((s) => ({ pairByDataset: { ...s.pairByDataset, [datasetId]: pair } })),
      setDeepDiveTab: (tab) => set({ deepDiveTab: tab }),
      forgetDataset: (id) =>
        set((s) => {
          const experiments = { ...s.experimentByDataset };
          const pairs = { ...s.pairByDataset };
          delete experiments[id];
          delete pairs[id];
          return { datasetId: s.datasetId === id ? null : s.datasetId, experimentByDataset: experiments, pairByDataset: pairs };
        }),
    }),
    {
      name: EVAL_STORE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({
        datasetId: s.datasetId,
        experimentByDataset: s.experimentByDataset,
        pairByDataset: s.pairByDataset,
        deepDiveTab: s.deepDiveTab,
      }),
    },
  ),
);
