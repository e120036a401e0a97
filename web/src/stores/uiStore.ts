import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export const UI_STORE_KEY = 'axis-ui-store';

interface UiState {
  sidebarCollapsed: boolean;
  copilotOpen: boolean;
  toggleSidebar: () => void;
  setSidebarCollapsed: (collapsed: boolean) => void;
  setCopilotOpen: (open: boolean) => void;
}

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      sidebarCollapsed: false,
      copilotOpen: false,
      toggleSidebar: () => set((s) => ({ sidebarCollapsed: !s.sidebarCollapsed })),
      setSidebarCollapsed: (collapsed) => set({ sidebarCollapsed: collapsed }),
      setCopilotOpen: (open) => set({ copilotOpen: open }),
    }),
    {
      name: UI_STORE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ sidebarCollapsed: state.sidebarCollapsed }),
    },
  ),
);
