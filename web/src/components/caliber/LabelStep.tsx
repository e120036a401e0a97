import { Check, ChevronLeft, ChevronRight, X } from 'lucide-react';
import { useCallback, useRef } from 'react';
import { cn } from '../../lib/cn';
import { labelKeyCommand, recordId, textOf, type LabelCommand } from '../../lib/align/labels';
import type { AlignRecord, Label, Labels } from '../../lib/align/types';
import type { SaveStatus } from '../../lib/align/useLabels';
import { useKeyCommands } from '../../lib/useKeyCommands';
import { Button } from '../Button';
import { INPUT_CLASS } from '../database/Field';
import { Markdown } from '../Markdown';

interface LabelStepProps {
  records: AlignRecord[];
  /** More columns shown under the response. */
  display: string[];
  labels: Labels;
  index: number;
  status: SaveStatus;
  onIndex: (index: number) => void;
  onLabel: (id: string, patch: Partial<Label>) => void;
}

function caliberKeyCommand(e: KeyboardEvent, editing: boolean): LabelCommand | null {
  return labelKeyCommand(e.key, e.ctrlKey || e.metaKey || e.altKey, editing);
}

const STATUS_TEXT: Record<SaveStatus, string> = { idle: '', pending: 'Unsaved changes…', saving: 'Saving…', saved: 'Saved', error: 'Not saved' };

function Navigator({ records, labels, index, onIndex }: Pick<LabelStepProps, 'records' | 'labels' | 'index' | 'onIndex'>) {
  return (
    <nav className="sticky top-4 rounded-xl border bg-white p-4 shadow-card" aria-label="Records" data-testid="caliber-grid">
      <p className="mb-2 text-xs font-semibold text-ink-muted">
        {Object.keys(labels).length} of {records.length} labelled
      </p>
      <div className="grid grid-cols-8 gap-1.5">
        {records.map((r, i) => {
          const id = recordId(r, i);
          const score = labels[id]?.score;
          const state = score === 1 ? 'accepted' : score === 0 ? 'rejected' : 'not labelled';
          return (
            <button
              key={id}
              type="button"
              onClick={() => onIndex(i)}
              aria-label={`${i + 1}: record ${id}, ${state}`}
              aria-current={i === index ? 'true' : undefined}
              data-testid={`grid-${id}`}
              data-state={state}
              className={cn(
                'h-7 rounded text-[10px] font-semibold',
                score === 1 && 'bg-success text-white',
                score === 0 && 'bg-error text-white',
                score === undefined && 'bg-canvas text-ink-muted ring-1 ring-line',
                i === index && 'ring-2 ring-primary ring-offset-1',
              )}
            >
              {i + 1}
            </button>
          );
        })}
      </div>
      <p className="mt-3 text-[11px] text-ink-muted">Keys: A accept · R reject · ← → move · N notes</p>
    </nav>
  );
}

/** Step 2: one record at a time, Accept/Reject with notes, and a grid of every record's label. */
export function LabelStep({ records, display, labels, index, status, onIndex, onLabel }: LabelStepProps) {
  const notes = useRef<HTMLTextAreaElement>(null);
  const record = records[index];
  const id = record ? recordId(record, index) : '';
  const label = labels[id];
  const move = useCallback((to: number) => onIndex(Math.max(0, Math.min(records.length - 1, to))), [onIndex, records.length]);

  const run = useCallback(
    (cmd: LabelCommand) => {
      if (cmd.type === 'label') {
        onLabel(id, { score: cmd.score });
        move(index + 1);
      } else if (cmd.type === 'prev') move(index - 1);
      else if (cmd.type === 'next') move(index + 1);
      else notes.current?.focus();
    },
    [id, index, move, onLabel],
  );

  useKeyCommands(caliberKeyCommand, run);

  if (!record) return <p className="text-sm text-ink-muted">This dataset has no records.</p>;
  const expected = textOf(record, 'expected_output');

  return (
    <div className="grid items-start gap-6 xl:grid-cols-3">
      <article className="rounded-xl border bg-white shadow-card xl:col-span-2" data-testid="caliber-card">
        <div className="flex items-center justify-between gap-3 border-b px-5 py-3">
          <div className="flex items-center gap-2">
            <Button className="px-2 py-1" aria-label="Previous record" disabled={index === 0} onClick={() => move(index - 1)}>
              <ChevronLeft className="h-4 w-4" aria-hidden="true" />
            </Button>
            <span className="text-sm font-semibold text-ink" data-testid="caliber-position">
              Record {index + 1} of {records.length}
            </span>
            <Button className="px-2 py-1" aria-label="Next record" disabled={index >= records.length - 1} onClick={() => move(index + 1)}>
              <ChevronRight className="h-4 w-4" aria-hidden="true" />
            </Button>
            <code className="rounded bg-canvas px-1.5 py-0.5 text-xs text-ink-muted" data-testid="caliber-record-id">{id}</code>
          </div>
          <span className={cn('text-xs', status === 'error' ? 'text-error' : 'text-ink-muted')} role="status" data-testid="caliber-save-status">
            {STATUS_TEXT[status]}
          </span>
        </div>
        <div className="space-y-4 p-5">
          <section>
            <h3 className="text-[11px] font-semibold uppercase tracking-wide text-ink-muted">Query</h3>
            <p className="mt-1 whitespace-pre-wrap text-sm text-ink" data-testid="caliber-query">{textOf(record, 'query')}</p>
          </section>
          <section className="rounded-lg border-l-4 border-primary bg-primary-pale/10 px-4 py-3">
            <h3 className="text-[11px] font-semibold uppercase tracking-wide text-primary-dark">Response to evaluate</h3>
            <Markdown text={textOf(record, 'actual_output')} className="mt-1" testId="caliber-response" />
          </section>
          {display.map((c) => (
            <section key={c}>
              <h3 className="text-[11px] font-semibold uppercase tracking-wide text-ink-muted">{c}</h3>
              <p className="mt-1 whitespace-pre-wrap text-sm text-ink-secondary" data-testid={`caliber-extra-${c}`}>{textOf(record, c) || '—'}</p>
            </section>
          ))}
          {expected ? (
            <section>
              <h3 className="text-[11px] font-semibold uppercase tracking-wide text-ink-muted">Expected output</h3>
              <p className="mt-1 whitespace-pre-wrap text-sm text-ink-secondary">{expected}</p>
            </section>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <Button
              className={cn('flex-1', label?.score === 1 && 'border-success bg-success text-white hover:text-white')}
              aria-pressed={label?.score === 1}
              onClick={() => run({ type: 'label', score: 1 })}
              data-testid="caliber-accept"
            >
              <Check className="h-4 w-4" aria-hidden="true" />
              Accept (A)
            </Button>
            <Button
              className={cn('flex-1', label?.score === 0 && 'border-error bg-error text-white hover:text-white')}
              aria-pressed={label?.score === 0}
              onClick={() => run({ type: 'label', score: 0 })}
              data-testid="caliber-reject"
            >
              <X className="h-4 w-4" aria-hidden="true" />
              Reject (R)
            </Button>
          </div>
          <label className="block text-xs font-medium text-ink-muted">
            Notes (N)
            <textarea
              ref={notes}
              rows={3}
              className={cn(INPUT_CLASS, 'mt-1')}
              disabled={!label}
              placeholder={label ? 'Why this label? Notes feed the pattern insights.' : 'Accept or reject first to add notes.'}
              value={label?.notes ?? ''}
              onChange={(e) => onLabel(id, { notes: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Escape') e.currentTarget.blur();
              }}
              data-testid="caliber-notes"
            />
          </label>
        </div>
      </article>
      <Navigator records={records} labels={labels} index={index} onIndex={onIndex} />
    </div>
  );
}
