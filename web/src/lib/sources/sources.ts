import type { SourceEntry, SourceKind } from './types';

/** The entries with rows in the newest dataset of `kind`, in the server's order; every entry without a kind. */
export function sourcesWith(sources: readonly SourceEntry[] | undefined, kind?: SourceKind): SourceEntry[] {
  const list = sources ?? [];
  return kind ? list.filter((s) => (s.rows?.[kind] ?? 0) > 0) : [...list];
}

/**
 * The entry a wanted value names: its id, else one of its stored source_name values, else its label
 * (ignoring case), so links written with a raw name or a label (`?source_name=Atlas`) still land.
 */
export function resolveSource(wanted: string | null | undefined, sources: readonly SourceEntry[]): SourceEntry | undefined {
  if (!wanted) return undefined;
  const key = wanted.toLowerCase();
  return (
    sources.find((s) => s.id === wanted) ??
    sources.find((s) => s.source_names.includes(wanted)) ??
    sources.find((s) => s.id.toLowerCase() === key || s.source_names.some((n) => n.toLowerCase() === key)) ??
    sources.find((s) => s.label.toLowerCase() === key)
  );
}

/** The keys per-source settings (e.g. monitoring thresholds) may be written under: the id, then each stored name. */
export function sourceKeys(entry: SourceEntry | null | undefined): string[] {
  if (!entry) return [];
  return [entry.id, ...entry.source_names.filter((n) => n !== entry.id)];
}
