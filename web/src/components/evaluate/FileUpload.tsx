import { AlertCircle, Ban, CheckCircle2, FileUp, Sparkles } from 'lucide-react';
import { useRef, useState, type DragEvent } from 'react';
import { cn } from '../../lib/cn';
import { loadExample, uploadDataset, type ExampleName } from '../../lib/evaluate/api';
import { useRememberUpload } from '../../lib/evaluate/queries';
import type { StoredResponse } from '../../lib/evaluate/types';
import { useUploadRun } from '../../lib/upload/useUploadRun';
import type { UploadOptions } from '../../lib/upload/xhrUpload';
import { errorMessage } from './StateViews';
import { UploadProgressPanel } from './UploadProgressPanel';

export interface ExampleChoice {
  name: string;
  label: string;
}

/** Where a file or an example goes; the evaluation upload unless a page passes its own. */
export interface UploadTarget<T = StoredResponse> {
  /** Sends the file; reports progress through `options` when it can (see lib/upload/xhrUpload). */
  upload: (file: File, options?: UploadOptions) => Promise<T>;
  example: (name: string) => Promise<T>;
}

const EVALUATION_TARGET: UploadTarget = {
  upload: (file, options) => uploadDataset(file, options),
  example: (name) => loadExample(name as ExampleName),
};

export const ALL_EXAMPLES: ExampleChoice[] = [
  { name: 'model', label: 'Example Model' },
  { name: 'comparison', label: 'Model Comparison' },
  { name: 'annotation', label: 'Annotation Sample' },
  { name: 'align', label: 'Caliber HQ' },
];

type Source = { kind: 'file'; file: File } | { kind: 'example'; example: ExampleChoice };

interface FileUploadProps<T> {
  examples?: ExampleChoice[];
  onLoaded: (response: T) => void;
  title?: string;
  testId?: string;
  target?: UploadTarget<T>;
}

/** A reply that stored a dataset (rather than, say, replacing the memory rules). */
function isStored(response: unknown): response is StoredResponse {
  return typeof response === 'object' && response !== null && ('dataset' in response || 'dataset_id' in response);
}

function describe(source: Source | undefined): string {
  if (!source) return '';
  return source.kind === 'file' ? source.file.name : source.example.label;
}

const ZONE_CLASS = 'flex flex-col items-center justify-center rounded-xl border-2 border-dashed px-6 py-10 text-center transition';

/**
 * Drop zone for a CSV (idle, drag-over, sending with a progress bar and Cancel, the server's
 * processing phase, success, error, cancelled) plus "Try example" pills.
 */
export function FileUpload<T = StoredResponse>({
  examples = ALL_EXAMPLES,
  onLoaded,
  title = 'Drop CSV or click to browse',
  testId = 'file-upload',
  target = EVALUATION_TARGET as unknown as UploadTarget<T>,
}: FileUploadProps<T>) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [source, setSource] = useState<Source>();
  const remember = useRememberUpload();
  const run = useUploadRun<T>((response) => {
    if (isStored(response)) remember(response);
    onLoaded(response);
  });

  const start = (next: Source) => {
    if (run.busy) return;
    setSource(next);
    run.start((options) => {
      if (next.kind === 'file') return target.upload(next.file, options);
      // An example is read on the server: there is nothing to send, only its processing to wait for.
      options.onProgress?.({ phase: 'processing', loaded: 0, total: 0 });
      return target.example(next.example.name);
    });
  };

  const onFiles = (files: FileList | null) => {
    const file = files?.[0];
    if (file) start({ kind: 'file', file });
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    onFiles(e.dataTransfer.files);
  };

  const { state: s } = run;
  const state = s.status === 'running' ? s.progress.phase : dragging ? 'drag' : s.status;
  const fileInput = (
    <input
      ref={input}
      type="file"
      accept=".csv,text/csv"
      className="hidden"
      data-testid={`${testId}-input`}
      onChange={(e) => {
        onFiles(e.target.files);
        e.target.value = '';
      }}
    />
  );

  return (
    <div data-testid={testId}>
      {s.status === 'running' ? (
        // Not a button while busy: it holds its own Cancel button.
        <div data-state={state} data-testid={`${testId}-zone`} className={cn(ZONE_CLASS, 'border-primary-soft bg-primary-pale/10')}>
          {fileInput}
          <UploadProgressPanel
            progress={s.progress}
            what={describe(source)}
            onCancel={source?.kind === 'file' ? run.cancel : undefined}
            testId={testId}
          />
        </div>
      ) : (
        <div
          role="button"
          tabIndex={0}
          data-state={state}
          data-testid={`${testId}-zone`}
          onClick={() => input.current?.click()}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              input.current?.click();
            }
          }}
          onDragOver={(e) => {
            e.preventDefault();
            if (!dragging) setDragging(true);
          }}
          onDragLeave={(e) => {
            if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
            setDragging(false);
          }}
          onDrop={onDrop}
          className={cn(
            ZONE_CLASS,
            'cursor-pointer focus:outline-none focus-visible:ring-2 focus-visible:ring-primary',
            (state === 'idle' || state === 'cancelled') && 'border-line bg-white hover:border-primary-soft hover:bg-primary-pale/10',
            state === 'drag' && 'border-primary bg-primary-pale/30',
            state === 'success' && 'border-success/40 bg-success/5',
            state === 'error' && 'border-error/40 bg-error/5',
          )}
        >
          {fileInput}
          {state === 'success' ? (
            <>
              <CheckCircle2 className="h-9 w-9 text-success" aria-hidden="true" />
              <p className="mt-3 text-sm font-semibold text-ink">Upload Complete</p>
              <p className="mt-1 text-xs text-ink-muted">
                {describe(source)} · <span className="text-primary underline">Upload another file</span>
              </p>
            </>
          ) : state === 'error' && s.status === 'error' ? (
            <>
              <AlertCircle className="h-9 w-9 text-error" aria-hidden="true" />
              <p className="mt-3 text-sm font-semibold text-ink">That file could not be loaded</p>
              <p className="mt-1 max-w-xl break-words text-sm text-error" role="alert" data-testid={`${testId}-error`}>
                {errorMessage(s.error)}
              </p>
              <p className="mt-2 text-xs text-ink-muted">Drop another CSV or click to browse.</p>
            </>
          ) : state === 'cancelled' ? (
            <>
              <Ban className="h-9 w-9 text-ink-muted" aria-hidden="true" />
              <p className="mt-3 text-sm font-semibold text-ink" role="status" data-testid={`${testId}-cancelled`}>
                Upload cancelled: nothing was stored
              </p>
              <p className="mt-1 text-xs text-ink-muted">
                {describe(source)} · <span className="text-primary underline">Drop a CSV or click to try again</span>
              </p>
            </>
          ) : (
            <>
              <div className={cn('flex h-14 w-14 items-center justify-center rounded-full transition', state === 'drag' ? 'bg-primary text-white' : 'bg-primary-pale/50 text-primary')}>
                <FileUp className="h-7 w-7" aria-hidden="true" />
              </div>
              <p className="mt-4 text-sm font-semibold text-ink">{state === 'drag' ? 'Release to upload' : title}</p>
              <p className="mt-1 text-xs text-ink-muted">CSV files only. The server detects the format and stores the rows.</p>
            </>
          )}
        </div>
      )}
      {examples.length > 0 ? (
        <div className="mt-4 flex flex-wrap items-center gap-2">
          <span className="flex items-center gap-1.5 text-xs font-medium text-ink-muted">
            <Sparkles className="h-3.5 w-3.5 text-accent-gold" aria-hidden="true" />
            Try example:
          </span>
          {examples.map((ex) => (
            <button
              key={ex.name}
              type="button"
              disabled={run.busy}
              onClick={() => start({ kind: 'example', example: ex })}
              data-testid={`example-${ex.name}`}
              className="rounded-full border bg-white px-3 py-1 text-xs font-medium text-ink-secondary transition hover:border-primary-soft hover:bg-primary-pale/20 hover:text-primary disabled:cursor-wait disabled:opacity-50"
            >
              {ex.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
