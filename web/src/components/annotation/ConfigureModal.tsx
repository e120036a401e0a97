import { useEffect, useState } from 'react';
import {
  defaultConfig,
  displayableColumns,
  parseTagList,
  ratingRangeError,
  TAG_PRESETS,
  tagsOf,
  type StudioConfig,
  type TagPreset,
} from '../../lib/annotation/config';
import { Button } from '../Button';
import { Modal } from '../Modal';
import { NumberField } from '../NumberField';

interface ConfigureModalProps {
  open: boolean;
  onClose: () => void;
  /** The dataset's columns, in file order. */
  columns: string[];
  /** The column records are identified by, or null (by position). */
  idColumn: string | null;
  config: StudioConfig;
  onSave: (config: StudioConfig) => void;
}

const PRESETS: TagPreset[] = ['standard', 'quality', 'sentiment', 'accuracy', 'custom'];
type RatingChoice = 'none' | 'five' | 'custom';
const RATING_CHOICES: Array<[RatingChoice, string]> = [
  ['five', '1–5'],
  ['custom', 'Custom range'],
  ['none', 'No rating (Accept/Reject only)'],
];

function ratingChoice(config: StudioConfig): RatingChoice {
  if (config.rating.kind === 'none') return 'none';
  return config.rating.min === 1 && config.rating.max === 5 ? 'five' : 'custom';
}

const LEGEND = 'mb-2 text-[11px] font-semibold uppercase tracking-wide text-ink-muted';
const OPTION = 'flex items-center gap-2 text-sm text-ink';

/** Which columns the card shows, the tag set and the rating scale of one dataset. */
export function ConfigureModal({ open, onClose, columns, idColumn, config, onSave }: ConfigureModalProps) {
  const [draft, setDraft] = useState(config);
  const [customText, setCustomText] = useState(config.customTags.join(', '));
  const [choice, setChoice] = useState<RatingChoice>(ratingChoice(config));
  const [range, setRange] = useState(config.rating.kind === 'range' ? { min: config.rating.min, max: config.rating.max } : { min: 1, max: 5 });

  useEffect(() => {
    if (!open) return;
    setDraft(config);
    setCustomText(config.customTags.join(', '));
    setChoice(ratingChoice(config));
    setRange(config.rating.kind === 'range' ? { min: config.rating.min, max: config.rating.max } : { min: 1, max: 5 });
  }, [open, config]);

  const offered = displayableColumns(columns);
  const rangeError = choice === 'custom' ? ratingRangeError(range.min, range.max) : null;
  const noColumns = draft.displayColumns.length === 0;
  const customTags = parseTagList(customText);
  const noTags = draft.tagPreset === 'custom' && customTags.length === 0;

  const toggleColumn = (column: string, on: boolean) => {
    const chosen = new Set(draft.displayColumns);
    if (on) chosen.add(column);
    else chosen.delete(column);
    setDraft({ ...draft, displayColumns: offered.filter((c) => chosen.has(c)) });
  };

  const save = () => {
    const rating = choice === 'none' ? ({ kind: 'none' } as const) : choice === 'five' ? ({ kind: 'range', min: 1, max: 5 } as const) : ({ kind: 'range', ...range } as const);
    onSave({ ...draft, customTags, rating });
  };

  const reset = () => {
    const d = defaultConfig(columns);
    setDraft(d);
    setCustomText('');
    setChoice('five');
    setRange({ min: 1, max: 5 });
  };

  return (
    <Modal
      open={open}
      title="Configure the studio"
      onClose={onClose}
      className="max-w-2xl"
      testId="annotation-configure"
      footer={
        <>
          <Button onClick={reset} data-testid="configure-reset" className="mr-auto">
            Reset to defaults
          </Button>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={save} disabled={noColumns || noTags || rangeError !== null} data-testid="configure-save">
            Save
          </Button>
        </>
      }
    >
      <div className="max-h-[60vh] space-y-5 overflow-y-auto pr-1">
        <p className="text-xs text-ink-muted">
          Saved in this browser for this dataset only. Records are identified by{' '}
          {idColumn ? <code className="font-mono text-ink-secondary">{idColumn}</code> : 'their position (no dataset_id, id or case_id column)'}.
        </p>
        <fieldset data-testid="configure-columns">
          <legend className={LEGEND}>Columns on the card</legend>
          <div className="grid grid-cols-2 gap-x-4 gap-y-1.5 sm:grid-cols-3">
            {offered.map((c) => (
              <label key={c} className={OPTION}>
                <input type="checkbox" className="accent-primary" checked={draft.displayColumns.includes(c)} onChange={(e) => toggleColumn(c, e.target.checked)} data-testid={`configure-column-${c}`} />
                <span className="truncate font-mono text-xs">{c}</span>
              </label>
            ))}
          </div>
          {noColumns ? <p className="mt-1 text-xs text-error">Choose at least one column.</p> : null}
        </fieldset>
        <fieldset data-testid="configure-tags">
          <legend className={LEGEND}>Tag set</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1.5">
            {PRESETS.map((p) => (
              <label key={p} className={OPTION}>
                <input type="radio" name="tag-preset" className="accent-primary" checked={draft.tagPreset === p} onChange={() => setDraft({ ...draft, tagPreset: p })} data-testid={`configure-preset-${p}`} />
                {p === 'custom' ? 'Custom' : TAG_PRESETS[p].label}
              </label>
            ))}
          </div>
          {draft.tagPreset === 'custom' ? (
            <label className="mt-2 block text-xs text-ink-muted">
              Tags, separated by commas
              <textarea value={customText} onChange={(e) => setCustomText(e.target.value)} rows={2} data-testid="configure-custom-tags" className="mt-1 w-full rounded-lg border bg-white px-3 py-2 text-sm text-ink focus:border-primary-soft focus:outline-none" />
            </label>
          ) : (
            <p className="mt-2 text-xs text-ink-muted" data-testid="configure-preset-tags">
              {tagsOf(draft).join(', ')}
            </p>
          )}
          {noTags ? <p className="mt-1 text-xs text-error">Type at least one tag.</p> : null}
        </fieldset>
        <fieldset data-testid="configure-rating">
          <legend className={LEGEND}>Rating scale</legend>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1.5">
            {RATING_CHOICES.map(([value, label]) => (
              <label key={value} className={OPTION}>
                <input type="radio" name="rating" className="accent-primary" checked={choice === value} onChange={() => setChoice(value)} data-testid={`configure-rating-${value}`} />
                {label}
              </label>
            ))}
          </div>
          {choice === 'custom' ? (
            <div className="mt-2 flex flex-wrap items-center gap-4">
              <NumberField label="From" value={range.min} min={0} max={10} step={1} onChange={(min) => setRange({ ...range, min })} testId="configure-rating-min" />
              <NumberField label="To" value={range.max} min={0} max={10} step={1} onChange={(max) => setRange({ ...range, max })} testId="configure-rating-max" />
            </div>
          ) : null}
          {rangeError ? <p className="mt-1 text-xs text-error">{rangeError}</p> : null}
        </fieldset>
      </div>
    </Modal>
  );
}
