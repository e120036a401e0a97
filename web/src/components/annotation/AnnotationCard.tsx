import { Check, ChevronLeft, ChevronRight, Flag, Loader2, Star, Undo2, X } from 'lucide-react';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { cn } from '../../lib/cn';
import { ratingValues, tagsOf, type StudioConfig } from '../../lib/annotation/config';
import type { Patch } from '../../lib/annotation/studio';
import type { Annotation } from '../../lib/annotation/types';
import type { SaveStatus } from '../../lib/annotation/useAnnotations';
import { cellText } from '../../lib/evaluate/format';
import { TagEditor } from './TagEditor';

interface AnnotationCardProps {
  row: Record<string, unknown>;
  caseId: string;
  index: number;
  total: number;
  annotation: Annotation | null;
  /** Columns shown, tag set and rating scale (the Configure dialog). */
  config: StudioConfig;
  status: SaveStatus;
  canUndo: boolean;
  tagInputRef: RefObject<HTMLInputElement>;
  onChange: (patch: Patch) => void;
  onPrev: () => void;
  onNext: () => void;
  onUndo: () => void;
}

const CRITIQUE_DELAY_MS = 700;

function Block({ label, badge, children, tone }: { label: string; badge?: string; children: string; tone?: 'output' }) {
  return (
    <div>
      <div className="mb-1.5 flex items-center gap-2">
        <h3 className="text-[11px] font-semibold uppercase tracking-wide text-ink-muted">{label}</h3>
        {badge ? <span className="rounded-full bg-primary/10 px-2 py-0.5 text-[10px] font-semibold uppercase tracking-wide text-primary">{badge}</span> : null}
      </div>
      <div
        className={cn(
          'max-h-72 overflow-y-auto whitespace-pre-wrap break-words rounded-lg border px-4 py-3 text-sm leading-relaxed text-ink',
          tone === 'output' ? 'border-l-4 border-l-primary bg-white' : 'bg-canvas/70',
        )}
      >
        {children || <span className="text-ink-muted">—</span>}
      </div>
    </div>
  );
}

const COLUMN_LABELS: Record<string, string> = { query: 'Query', actual_output: 'Output', expected_output: 'Expected output' };

/** "retrieved_context" → "Retrieved context"; the usual columns by their studio names. */
export function columnLabel(column: string): string {
  const known = COLUMN_LABELS[column];
  if (known) return known;
  const words = column.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function priorJudgment(row: Record<string, unknown>): string | null {
  const v = cellText(row.judgment).trim().toLowerCase();
  if (v === '') return null;
  if (['accept', 'accepted', '1', 'true', 'pass', 'yes'].includes(v)) return 'accept';
  if (['reject', 'rejected', '0', 'false', 'fail', 'no'].includes(v)) return 'reject';
  return v;
}

/** One record to label: the query, the output under review, judgment, rating, tags and critique. */
export function AnnotationCard(props: AnnotationCardProps) {
  const { row, caseId, index, total, annotation, config, status, canUndo, tagInputRef, onChange, onPrev, onNext, onUndo } = props;
  const judgment = annotation?.judgment ?? null;
  const rating = annotation?.rating ?? null;
  const [critique, setCritique] = useState(annotation?.critique ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saved = annotation?.critique ?? '';

  useEffect(() => {
    setCritique(saved);
  }, [caseId, saved]);

  const flush = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (text !== saved) onChange({ critique: text });
  };
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const prior = annotation ? null : priorJudgment(row);
  const scale = ratingValues(config.rating);
  const expected = cellText(row.expected_output);

  return (
    <section className="rounded-xl border bg-white shadow-card" data-testid="annotation-card" data-case-id={caseId}>
      <div className="flex flex-wrap items-center gap-3 border-b px-5 py-3">
        <div className="flex items-center gap-1">
          <button type="button" onClick={onPrev} disabled={index <= 0} aria-label="Previous record" className="rounded-lg p-1.5 text-ink-muted hover:bg-canvas hover:text-ink disabled:opacity-30" data-testid="annotation-prev">
            <ChevronLeft className="h-5 w-5" aria-hidden="true" />
          </button>
          <button type="button" onClick={onNext} disabled={index >= total - 1} aria-label="Next record" className="rounded-lg p-1.5 text-ink-muted hover:bg-canvas hover:text-ink disabled:opacity-30" data-testid="annotation-next">
            <ChevronRight className="h-5 w-5" aria-hidden="true" />
          </button>
        </div>
        <p className="text-sm font-semibold text-ink" data-testid="annotation-position">
          Record {index + 1} of {total}
        </p>
        <span className="rounded-md bg-canvas px-2 py-0.5 font-mono text-xs text-ink-secondary ring-1 ring-line" data-testid="annotation-case-id">
          {caseId}
        </span>
        <div className="ml-auto flex items-center gap-2">
          <span className="text-xs text-ink-muted" data-testid="save-status" data-state={status.state}>
            {status.state === 'saving' ? (
              <span className="flex items-center gap-1">
                <Loader2 className="h-3.5 w-3.5 animate-spin" aria-hidden="true" />
                Saving…
              </span>
            ) : status.state === 'saved' ? (
              'Saved'
            ) : status.state === 'error' ? (
              <span className="text-error">Not saved: {status.message}. The change was undone.</span>
            ) : null}
          </span>
          <button
            type="button"
            onClick={() => onChange({ flagged: !annotation?.flagged })}
            aria-pressed={annotation?.flagged === true}
            data-testid="annotation-flag"
            className={cn(
              'flex items-center gap-1.5 rounded-lg border px-2.5 py-1.5 text-xs font-medium transition',
              annotation?.flagged ? 'border-warning/40 bg-warning/10 text-warning' : 'text-ink-secondary hover:border-warning/40 hover:text-warning',
            )}
          >
            <Flag className="h-3.5 w-3.5" aria-hidden="true" />
            {annotation?.flagged ? 'Flagged' : 'Flag'}
          </button>
          <button
            type="button"
            onClick={onUndo}
            disabled={!canUndo}
            data-testid="annotation-undo"
            className="flex items-center gap-1.5 rounded-lg border px-2.5 py-1.5 text-xs font-medium text-ink-secondary hover:border-primary-soft hover:text-primary disabled:opacity-40"
          >
            <Undo2 className="h-3.5 w-3.5" aria-hidden="true" />
            Undo
          </button>
        </div>
      </div>
      <div className="space-y-4 p-5">
        {config.displayColumns.map((column) => (
          <div key={column} data-testid={`annotation-column-${column}`}>
            <Block label={columnLabel(column)} badge={column === 'actual_output' ? 'To Evaluate' : undefined} tone={column === 'actual_output' ? 'output' : undefined}>
              {cellText(row[column])}
            </Block>
          </div>
        ))}
        {expected && !config.displayColumns.includes('expected_output') ? (
          <details className="group">
            <summary className="cursor-pointer text-xs font-medium text-ink-muted hover:text-ink">Show expected output</summary>
            <div className="mt-2">
              <Block label="Expected output">{expected}</Block>
            </div>
          </details>
        ) : null}
      </div>
      <div className="space-y-5 border-t bg-canvas/40 px-5 py-5">
        <div className="flex flex-wrap items-center gap-6">
          <div>
            <p className="mb-2 text-[11px] font-semibold uppercase tracking-wide text-ink-muted">Judgment</p>
            <div className="flex gap-2">
              <button
                type="button"
                onClick={() => onChange({ judgment: 'accept' })}
                aria-pressed={judgment === 'accept'}
                data-testid="judge-accept"
                className={cn(
                  'flex items-center gap-2 rounded-lg border-2 px-4 py-2 text-sm font-semibold transition',
                  judgment === 'accept' ? 'border-success bg-success text-white' : 'border-success/30 bg-white text-success hover:bg-success/5',
                )}
              >
                <Check className="h-4 w-4" aria-hidden="true" />
                Accept
                <kbd className={cn('rounded px-1 font-mono text-[10px]', judgment === 'accept' ? 'bg-black/20' : 'bg-success/10')}>A</kbd>
              </button>
              <button
                type="button"
                onClick={() => onChange({ judgment: 'reject' })}
                aria-pressed={judgment === 'reject'}
                data-testid="judge-reject"
                className={cn(
                  'flex items-center gap-2 rounded-lg border-2 px-4 py-2 text-sm font-semibold transition',
                  judgment === 'reject' ? 'border-error bg-error text-white' : 'border-error/30 bg-white text-error hover:bg-error/5',
                )}
              >
                <X className="h-4 w-4" aria-hidden="true" />
                Reject
                <kbd className={cn('rounded px-1 font-mono text-[10px]', judgment === 'reject' ? 'bg-black/20' : 'bg-error/10')}>R</kbd>
              </button>
            </div>
          </div>
          {scale.length > 0 ? (
            <div>
              <p className="mb-2 text-[11px] font-semibold uppercase tracking-wide text-ink-muted">Rating</p>
              <div className="flex flex-wrap gap-1" role="group" aria-label="Rating" data-testid="rating-scale">
                {scale.map((n) => (
                  <button
                    key={n}
                    type="button"
                    onClick={() => onChange({ rating: rating === n ? null : n })}
                    aria-pressed={rating === n}
                    aria-label={`Rating ${n}`}
                    data-testid={`rate-${n}`}
                    className={cn(
                      'flex h-9 w-9 items-center justify-center rounded-lg border text-sm font-semibold transition',
                      rating !== null && n <= rating ? 'border-accent-gold bg-accent-gold/15 text-[#7a600c]' : 'bg-white text-ink-muted hover:border-accent-gold/50',
                    )}
                  >
                    {rating !== null && n <= rating ? <Star className="h-4 w-4 fill-current" aria-hidden="true" /> : n}
                  </button>
                ))}
              </div>
            </div>
          ) : null}
          {prior ? (
            <p className="text-xs text-ink-muted" data-testid="prior-judgment">
              From the file: <span className="font-semibold text-ink">{prior}</span>
            </p>
          ) : null}
        </div>
        <div>
          <p className="mb-2 text-[11px] font-semibold uppercase tracking-wide text-ink-muted">Tags</p>
          <TagEditor ref={tagInputRef} presets={tagsOf(config)} tags={annotation?.tags ?? []} onChange={(tags) => onChange({ tags })} />
        </div>
        <div>
          <label htmlFor="critique" className="mb-2 block text-[11px] font-semibold uppercase tracking-wide text-ink-muted">
            Critique
          </label>
          <textarea
            id="critique"
            value={critique}
            onChange={(e) => {
              const text = e.target.value;
              setCritique(text);
              if (timer.current) clearTimeout(timer.current);
              timer.current = setTimeout(() => flush(text), CRITIQUE_DELAY_MS);
            }}
            onBlur={() => flush(critique)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') (e.target as HTMLTextAreaElement).blur();
            }}
            rows={3}
            placeholder="What is right or wrong with this output?"
            data-testid="critique"
            className="w-full rounded-lg border bg-white px-3 py-2 text-sm text-ink placeholder:text-ink-muted focus:border-primary-soft focus:outline-none"
          />
        </div>
      </div>
    </section>
  );
}
