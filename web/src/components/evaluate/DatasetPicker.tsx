import { Check, ChevronDown, Database, Trash2 } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { cn } from '../../lib/cn';
import { datasetLabel } from '../../lib/evaluate/datasets';
import { formatCount, formatDateTime, formatLabel } from '../../lib/evaluate/format';
import { useDeleteDataset } from '../../lib/evaluate/queries';
import type { Dataset } from '../../lib/evaluate/types';
import { Button } from '../Button';
import { Modal } from '../Modal';
import { errorMessage } from './StateViews';

interface DatasetPickerProps {
  datasets: Dataset[] | undefined;
  current: Dataset | null;
  loading: boolean;
  onSelect: (id: string | null) => void;
  onDeleted?: (id: string) => void;
  testId?: string;
}

const KIND_STYLE: Record<string, string> = {
  evaluation: 'bg-primary-pale/60 text-primary-dark',
  annotation: 'bg-accent-gold/15 text-[#7a600c]',
  calibration: 'bg-success/10 text-success',
};

function KindBadge({ kind }: { kind?: string }) {
  if (!kind) return null;
  return (
    <span className={cn('rounded px-1.5 py-0.5 text-[10px] font-semibold uppercase tracking-wide', KIND_STYLE[kind] ?? 'bg-canvas text-ink-muted')}>
      {kind}
    </span>
  );
}

/** The stored datasets: shows the current one, switches between them, deletes one after confirmation. */
export function DatasetPicker({ datasets, current, loading, onSelect, onDeleted, testId = 'dataset-picker' }: DatasetPickerProps) {
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState<Dataset | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const remove = useDeleteDataset();

  useEffect(() => {
    if (!open) return undefined;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const count = datasets?.length ?? 0;

  return (
    <div className="relative" ref={ref} data-testid={testId}>
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-haspopup="listbox"
        aria-expanded={open}
        data-testid={`${testId}-button`}
        className="flex w-full min-w-[18rem] items-center gap-3 rounded-xl border bg-white px-3 py-2 text-left shadow-card transition hover:border-primary-soft sm:w-auto"
      >
        <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded-lg bg-primary-pale/60 text-primary-dark">
          <Database className="h-4 w-4" aria-hidden="true" />
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-semibold text-ink" data-testid={`${testId}-current`}>
            {loading ? 'Loading datasets…' : current ? datasetLabel(current) : count === 0 ? 'No datasets yet' : 'Choose a dataset'}
          </span>
          <span className="block truncate text-[11px] text-ink-muted">
            {current
              ? `${formatLabel(current.format)} · ${formatCount(current.row_count)} rows`
              : `${count} stored dataset${count === 1 ? '' : 's'}`}
          </span>
        </span>
        <ChevronDown className={cn('h-4 w-4 text-ink-muted transition', open && 'rotate-180')} aria-hidden="true" />
      </button>
      {open ? (
        <div className="absolute right-0 z-40 mt-2 w-[26rem] max-w-[90vw] overflow-hidden rounded-xl border bg-white shadow-lift" role="listbox" aria-label="Datasets">
          <div className="border-b px-4 py-2.5 text-xs font-semibold uppercase tracking-wide text-ink-muted">Stored datasets</div>
          {count === 0 ? (
            <p className="px-4 py-6 text-center text-sm text-ink-muted">Nothing stored yet. Upload a CSV or load an example.</p>
          ) : (
            <ul className="max-h-80 overflow-y-auto py-1">
              {datasets!.map((d) => {
                const selected = d.id === current?.id;
                return (
                  <li key={d.id} className={cn('group flex items-center gap-2 px-2', selected && 'bg-primary-pale/30')}>
                    <button
                      type="button"
                      role="option"
                      aria-selected={selected}
                      data-testid={`dataset-option-${d.id}`}
                      onClick={() => {
                        onSelect(d.id);
                        setOpen(false);
                      }}
                      className="flex min-w-0 flex-1 items-center gap-2 rounded-lg px-2 py-2 text-left hover:bg-canvas"
                    >
                      <span className="flex h-4 w-4 shrink-0 items-center justify-center text-primary">
                        {selected ? <Check className="h-4 w-4" aria-hidden="true" /> : null}
                      </span>
                      <span className="min-w-0 flex-1">
                        <span className="flex items-center gap-2">
                          <span className="truncate text-sm font-medium text-ink">{datasetLabel(d)}</span>
                          <KindBadge kind={d.kind} />
                        </span>
                        <span className="block truncate text-[11px] text-ink-muted">
                          {formatLabel(d.format)} · {formatCount(d.row_count)} rows · {formatDateTime(d.created_at)}
                        </span>
                      </span>
                    </button>
                    <button
                      type="button"
                      onClick={() => setConfirm(d)}
                      aria-label={`Delete ${datasetLabel(d)}`}
                      data-testid={`dataset-delete-${d.id}`}
                      className="rounded-md p-1.5 text-ink-muted opacity-60 transition hover:bg-error/10 hover:text-error group-hover:opacity-100"
                    >
                      <Trash2 className="h-4 w-4" aria-hidden="true" />
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ) : null}
      <Modal
        open={confirm !== null}
        title="Delete this dataset?"
        onClose={() => {
          setConfirm(null);
          remove.reset();
        }}
        testId="dataset-delete-confirm"
        footer={
          <>
            <Button onClick={() => setConfirm(null)}>Cancel</Button>
            <Button
              variant="danger"
              disabled={remove.isPending}
              data-testid="dataset-delete-confirm-button"
              onClick={() => {
                const target = confirm;
                if (!target) return;
                remove.mutate(target.id, {
                  onSuccess: () => {
                    setConfirm(null);
                    onDeleted?.(target.id);
                  },
                });
              }}
            >
              {remove.isPending ? 'Deleting…' : 'Delete'}
            </Button>
          </>
        }
      >
        <p className="text-sm text-ink-secondary">
          <span className="font-semibold text-ink">{datasetLabel(confirm)}</span> and everything stored with it (rows and
          annotations) will be removed from the server. This cannot be undone.
        </p>
        {remove.isError ? <p className="mt-3 text-sm text-error">{errorMessage(remove.error)}</p> : null}
      </Modal>
    </div>
  );
}
