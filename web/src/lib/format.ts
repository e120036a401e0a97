export function formatBytes(bytes: unknown): string {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

export function formatDuration(seconds: unknown): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.floor(seconds);
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const secs = s % 60;
  if (days > 0) return `${days}d ${hours}h ${minutes}m`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  if (minutes > 0) return `${minutes}m ${secs}s`;
  return `${secs}s`;
}

/** Renders one configuration value as text; objects and arrays of objects as compact JSON. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) {
      return value.map((v) => String(v)).join(', ');
    }
  }
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

const ACRONYMS = new Set(['ai', 'api', 'db', 'id', 'kpi', 'llm', 'sql', 'ssl', 'url', 'ui', 'yaml']);

/** "monitoring_db" → "Monitoring DB", "llm" → "LLM". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean);
  return words
    .map((word, i) => {
      if (ACRONYMS.has(word.toLowerCase())) return word.toUpperCase();
      return i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    })
    .join(' ');
}

export interface FlatEntry {
  key: string;
  value: unknown;
}

/** Flattens nested objects into dotted keys; arrays stay whole. */
export function flattenObject(value: unknown, prefix = '', depth = 0): FlatEntry[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > 6) {
    return [{ key: prefix, value }];
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return prefix ? [{ key: prefix, value: {} }] : [];
  return entries.flatMap(([k, v]) => flattenObject(v, prefix ? `${prefix}.${k}` : k, depth + 1));
}
