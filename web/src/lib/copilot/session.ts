export const COPILOT_SESSION_KEY = 'axis-copilot-session';

/** A random UUID; built from getRandomValues where randomUUID is missing (pages not served over HTTPS). */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Starts a fresh conversation id for this browser tab and remembers it. */
export function startSession(storage: Storage = sessionStorage): string {
  const id = randomId();
  storage.setItem(COPILOT_SESSION_KEY, id);
  return id;
}

/** This tab's conversation id, starting one when there is none. */
export function currentSession(storage: Storage = sessionStorage): string {
  return storage.getItem(COPILOT_SESSION_KEY) || startSession(storage);
}
