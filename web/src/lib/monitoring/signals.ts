export interface SignalEntry {
  name: string;
  value: unknown;
}

function parse(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return value;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return value;
  }
}

function fromItem(item: unknown, fallback: string): SignalEntry {
  if (item && typeof item === 'object' && !Array.isArray(item) && 'name' in item) {
    const o = item as { name: unknown; value?: unknown; score?: unknown };
    return { name: String(o.name), value: o.value !== undefined ? o.value : o.score };
  }
  return { name: fallback, value: item };
}

/**
 * Signals as flat name/value pairs: an object gives one pair per key, a list of {name, value|score}
 * one per item, a group object {group: [items]} one per item named "group · name"; other text is one
 * pair named "signals". JSON text is parsed first.
 */
export function signalEntries(signals: unknown): SignalEntry[] {
  const value = parse(signals);
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.map((item, i) => fromItem(item, String(i + 1)));
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) =>
      Array.isArray(v) && v.every((x) => x && typeof x === 'object' && 'name' in x)
        ? v.map((item) => {
            const e = fromItem(item, key);
            return { name: `${key} · ${e.name}`, value: e.value };
          })
        : [{ name: key, value: v }],
    );
  }
  return [{ name: 'signals', value }];
}
