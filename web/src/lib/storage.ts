/** Removes this application's persisted keys (axis-*) and returns their names. */
export function clearAxisStorage(storage: Storage = localStorage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key && key.startsWith('axis-')) keys.push(key);
  }
  keys.forEach((key) => storage.removeItem(key));
  return keys;
}
