import type { AlignRecord, HumanScore, Label, Labels, StoredLabel } from './types';

/** A record's id: its `dataset_id`, else its `id`, else its 1-based position. */
export function recordId(record: AlignRecord, index: number): string {
  for (const key of ['dataset_id', 'id']) {
    const value = record[key];
    if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') return String(value);
  }
  return String(index + 1);
}

export function textOf(record: AlignRecord, key: string): string {
  const value = record[key];
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

/** The key labels are saved under: the uploaded file's name, lower-cased, without its extension. */
export function labelsKey(fileName: string): string {
  const base = fileName.trim().replace(/\.csv$/i, '').toLowerCase();
  return `caliber:${base.replace(/[^a-z0-9._-]+/g, '-') || 'dataset'}`;
}

const LABEL_COLUMNS = ['score', 'label', 'human_score'];

function asHumanScore(value: unknown): HumanScore | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (text === '1' || text === '1.0') return 1;
  if (text === '0' || text === '0.0') return 0;
  return null;
}

/** The 0/1 labels a file already carries in a `score`, `label` or `human_score` column. */
export function fileLabels(records: AlignRecord[]): Labels {
  const labels: Labels = {};
  records.forEach((r, i) => {
    for (const column of LABEL_COLUMNS) {
      const score = asHumanScore(r[column]);
      if (score !== null) {
        labels[recordId(r, i)] = { score };
        return;
      }
    }
  });
  return labels;
}

/** The labels the server stored (its scores are 0 or 1), as the page edits them. */
export function labelsFromStore(stored: Record<string, StoredLabel>): Labels {
  return Object.fromEntries(
    Object.entries(stored).map(([id, l]): [string, Label] => [id, l.notes ? { score: l.score === 1 ? 1 : 0, notes: l.notes } : { score: l.score === 1 ? 1 : 0 }]),
  );
}

/** The labels as the judge routes take them: id to 0/1. */
export function humanScores(labels: Labels): Record<string, HumanScore> {
  return Object.fromEntries(Object.entries(labels).map(([id, l]) => [id, l.score]));
}

export type LabelCommand = { type: 'label'; score: HumanScore } | { type: 'prev' } | { type: 'next' } | { type: 'notes' };

/** The labelling keys: A accept, R reject (both then advance), ←/→ move, N notes. */
export function labelKeyCommand(key: string, modified: boolean, editing: boolean): LabelCommand | null {
  if (editing || modified) return null;
  switch (key.length === 1 ? key.toLowerCase() : key) {
    case 'a':
      return { type: 'label', score: 1 };
    case 'r':
      return { type: 'label', score: 0 };
    case 'ArrowLeft':
      return { type: 'prev' };
    case 'ArrowRight':
      return { type: 'next' };
    case 'n':
      return { type: 'notes' };
    default:
      return null;
  }
}
