import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { useAuthStore } from '../stores/authStore';
import { useSourceStore } from '../stores/sourceStore';
import { FetchBackedXhr } from './fetchXhr';

// Uploads go through XMLHttpRequest (for their progress); in tests they reach the fetch stubs.
globalThis.XMLHttpRequest = FetchBackedXhr as unknown as typeof XMLHttpRequest;

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  useAuthStore.setState({ needsSignIn: false });
  useSourceStore.setState({ chosen: '' });
});
