/**
 * How Annotation Studio shows one dataset: which columns the card shows, the tag set offered and
 * the rating scale. The server has no route for it, so it is kept in the browser (localStorage,
 * per dataset; stores/annotationConfigStore).
 */
export type TagPreset = 'standard' | 'quality' | 'sentiment' | 'accuracy' | 'custom';
export type RatingScale = { kind: 'none' } | { kind: 'range'; min: number; max: number };

export interface StudioConfig {
  /** Row columns shown on the card, in order. */
  displayColumns: string[];
  tagPreset: TagPreset;
  /** The tags of the custom preset. */
  customTags: string[];
  rating: RatingScale;
}

export const TAG_PRESETS: Record<Exclude<TagPreset, 'custom'>, { label: string; tags: string[] }> = {
  standard: { label: 'Standard', tags: ['accurate', 'helpful', 'concise', 'well-formatted', 'hallucination', 'incomplete', 'off-topic', 'unsafe', 'verbose'] },
  quality: { label: 'Quality', tags: ['clear', 'complete', 'concise', 'well-formatted', 'confusing', 'incomplete', 'verbose'] },
  sentiment: { label: 'Sentiment', tags: ['helpful', 'good', 'polite', 'neutral', 'rude', 'dismissive', 'frustrating'] },
  accuracy: { label: 'Accuracy', tags: ['accurate', 'correct', 'relevant', 'hallucination', 'outdated', 'wrong-answer', 'off-topic'] },
};

/** The server keeps ratings from 0 to 10. */
export const RATING_BOUNDS = { min: 0, max: 10 } as const;
export const DEFAULT_RATING: RatingScale = { kind: 'range', min: 1, max: 5 };

/** The columns the card shows when nothing is configured: the question and the output under review. */
export const DEFAULT_DISPLAY = ['query', 'actual_output'];

/** Columns the studio manages itself (prior annotations), never offered for display. */
const ANNOTATION_COLUMNS = new Set(['judgment', 'critique', 'user_tags', 'annotation_flagged']);

export function displayableColumns(columns: readonly string[]): string[] {
  return columns.filter((c) => !ANNOTATION_COLUMNS.has(c));
}

export function defaultConfig(columns: readonly string[]): StudioConfig {
  // Without a column list (not known yet) the usual two are assumed.
  const shown = columns.length === 0 ? [...DEFAULT_DISPLAY] : DEFAULT_DISPLAY.filter((c) => columns.includes(c));
  return {
    displayColumns: shown.length > 0 ? shown : displayableColumns(columns).slice(0, 2),
    tagPreset: 'standard',
    customTags: [],
    rating: DEFAULT_RATING,
  };
}

export function tagsOf(config: StudioConfig): string[] {
  return config.tagPreset === 'custom' ? config.customTags : TAG_PRESETS[config.tagPreset].tags;
}

/** The rating buttons: min..max, or none. */
export function ratingValues(scale: RatingScale): number[] {
  if (scale.kind === 'none') return [];
  const out: number[] = [];
  for (let v = scale.min; v <= scale.max; v += 1) out.push(v);
  return out;
}

/** Why a range cannot be used, or null: whole numbers within 0..10, min below max. */
export function ratingRangeError(min: number, max: number): string | null {
  if (!Number.isInteger(min) || !Number.isInteger(max)) return 'Use whole numbers.';
  if (min < RATING_BOUNDS.min || max > RATING_BOUNDS.max) return `The server keeps ratings from ${RATING_BOUNDS.min} to ${RATING_BOUNDS.max}.`;
  if (min >= max) return 'The lowest rating must be below the highest.';
  return null;
}

/** Splits typed custom tags (commas or new lines) into a clean, de-duplicated list. */
export function parseTagList(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[,\n]/)) {
    const t = raw.trim().toLowerCase().replace(/\s+/g, '-');
    if (t !== '' && t.length <= 100 && !out.includes(t)) out.push(t);
  }
  return out.slice(0, 50);
}

/** A stored config made safe for the dataset as it is now (columns gone, odd values). */
export function resolveConfig(stored: Partial<StudioConfig> | undefined, columns: readonly string[]): StudioConfig {
  const base = defaultConfig(columns);
  if (!stored) return base;
  const displayColumns = Array.isArray(stored.displayColumns) ? stored.displayColumns.filter((c) => columns.includes(c)) : base.displayColumns;
  const tagPreset = stored.tagPreset && (stored.tagPreset === 'custom' || stored.tagPreset in TAG_PRESETS) ? stored.tagPreset : base.tagPreset;
  const customTags = Array.isArray(stored.customTags) ? stored.customTags.filter((t) => typeof t === 'string') : [];
  const r = stored.rating;
  const rating: RatingScale =
    r?.kind === 'none' ? r : r?.kind === 'range' && ratingRangeError(r.min, r.max) === null ? { kind: 'range', min: r.min, max: r.max } : base.rating;
  return { displayColumns: displayColumns.length > 0 ? displayColumns : base.displayColumns, tagPreset, customTags, rating };
}
