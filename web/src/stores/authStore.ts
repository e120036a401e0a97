import { create } from 'zustand';
import { clearToken, setToken } from '../lib/auth/token';

interface AuthState {
  /** The server refused this browser's credentials, or the user signed out: the sign-in gate is shown. */
  needsSignIn: boolean;
  /** Keeps an accepted token and lets the app through. */
  signIn: (token: string) => void;
  /** Forgets the token and raises the sign-in gate, leaving the page as it is. */
  signOut: () => void;
}

export const useAuthStore = create<AuthState>()((set) => ({
  needsSignIn: false,
  signIn: (token) => {
    setToken(token);
    set({ needsSignIn: false });
  },
  signOut: () => {
    clearToken();
    set({ needsSignIn: true });
  },
}));
