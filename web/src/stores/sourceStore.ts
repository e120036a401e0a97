import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export const SOURCE_STORE_KEY = 'axis-source-store';

interface SourceState {
  /** The chosen source id ('' for all sources); shared by Production, Monitoring and Human Signals. */
  chosen: string;
  setChosen: (id: string) => void;
}

export const useSourceStore = create<SourceState>()(
  persist(
    (set) => ({
      chosen: '',
      setChosen: (chosen) => set({ chosen }),
    }),
    {
      name: SOURCE_STORE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ chosen: s.chosen }),
    },
  ),
);
