import { describe, expect, it } from 'vitest';
import { bearerHeader, clearToken, getToken, setToken, TOKEN_KEY } from './token';

describe('API token', () => {
  it('is kept in sessionStorage under axis-api-token until cleared', () => {
    expect(getToken()).toBeNull();
    setToken('s3cret');
    expect(getToken()).toBe('s3cret');
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe('s3cret');
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
    clearToken();
    expect(getToken()).toBeNull();
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('treats an empty stored value as no token', () => {
    sessionStorage.setItem(TOKEN_KEY, '');
    expect(getToken()).toBeNull();
  });

  it('becomes a bearer header only when there is one', () => {
    expect(bearerHeader('abc')).toEqual({ Authorization: 'Bearer abc' });
    expect(bearerHeader(null)).toEqual({});
  });
});
