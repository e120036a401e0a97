/** Where the API token is kept: sessionStorage, so it lasts for the browser session and is gone when it closes. */
export const TOKEN_KEY = 'axis-api-token';

let unstored: string | null = null;

function session(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function getToken(): string | null {
  const storage = session();
  return (storage ? storage.getItem(TOKEN_KEY) : unstored) || null;
}

export function setToken(token: string): void {
  const storage = session();
  if (storage) storage.setItem(TOKEN_KEY, token);
  else unstored = token;
}

export function clearToken(): void {
  session()?.removeItem(TOKEN_KEY);
  unstored = null;
}

/** The Authorization header for a token; empty without one. */
export function bearerHeader(token: string | null): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}
