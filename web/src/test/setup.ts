import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { useAuthStore } from '../stores/authStore';
import { useSourceStore } from '../stores/sourceStore';

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  useAuthStore.setState({ needsSignIn: false });
  useSourceStore.setState({ chosen: '' });
});
