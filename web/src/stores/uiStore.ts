import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export const UI_STORE_KEY = 'axis-ui-store';

/** The dataset the current page shows, which the copilot can be asked about. */
export interface CopilotContext {
  dataset_id: string;
  label: string;
}

interface UiState {
  sidebarCollapsed: boolean;
  copilotOpen: boolean;
  copilotContext: CopilotContext | null;
  toggleSidebar: () => void;
  setSidebarCollapsed: (collapsed: boolean) => void;
  setCopilotOpen: (open: boolean) => void;
  setCopilotContext: (context: CopilotContext | null) => void;
}

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      sidebarCollapsed: false,
      copilotOpen: false,
      copilotContext: null,
      toggleSidebar: () => set((s) => ({ sidebarCollapsed: !s.sidebarCollapsed })),
      setSidebarCollapsed: (collapsed) => set({ sidebarCollapsed: collapsed }),
      setCopilotOpen: (open) => set({ copilotOpen: open }),
      setCopilotContext: (context) => set({ copilotContext: context }),
    }),
    {
      name: UI_STORE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ sidebarCollapsed: state.sidebarCollapsed }),
    },
  ),
);
