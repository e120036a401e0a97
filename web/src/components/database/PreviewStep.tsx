import { DatabaseZap, Loader2 } from 'lucide-react';
import type { DbPreviewResponse } from '../../lib/database/types';
import { failureTitle, parseLimit, type SourceMode } from '../../lib/database/wizard';
import { Button } from '../Button';
import { errorMessage, LoadingBlock } from '../evaluate/StateViews';
import { Field, INPUT_CLASS } from './Field';
import { PreviewTable } from './PreviewTable';

interface CallState<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data?: T;
}

interface PreviewStepProps {
  mode: SourceMode;
  preview: CallState<DbPreviewResponse>;
  importing: CallState<unknown>;
  limit: string;
  maxLimit: number;
  onLimit: (limit: string) => void;
  onImport: () => void;
}

function Failure({ error, mode, testId }: { error: unknown; mode: SourceMode; testId: string }) {
  return (
    <div className="rounded-lg border border-error/30 bg-error/5 px-3 py-2" role="alert" data-testid={testId}>
      <p className="text-sm font-semibold text-ink">{failureTitle(error, mode)}</p>
      <p className="mt-0.5 break-words text-sm text-error">{errorMessage(error)}</p>
    </div>
  );
}

/** Step 4: the first rows as they would be stored, then the row limit and the import itself. */
export function PreviewStep({ mode, preview, importing, limit, maxLimit, onLimit, onImport }: PreviewStepProps) {
  const validLimit = parseLimit(limit, maxLimit) !== null;
  const rows = preview.data?.data ?? [];
  return (
    <div className="space-y-4">
      {preview.isPending ? <LoadingBlock label="Reading the first rows…" className="py-8" /> : null}
      {preview.isError ? <Failure error={preview.error} mode={mode} testId="db-preview-error" /> : null}
      {preview.data ? (
        <>
          <p className="text-xs text-ink-muted" data-testid="db-preview-count">
            First {rows.length} row{rows.length === 1 ? '' : 's'}
            {typeof preview.data.row_count === 'number' && preview.data.row_count !== rows.length ? ` of ${preview.data.row_count.toLocaleString('en-US')}` : ''}
          </p>
          <PreviewTable rows={rows} />
        </>
      ) : null}
      <div className="flex flex-wrap items-end justify-between gap-3 border-t pt-4">
        <Field label="Rows to import (at most)" hint={validLimit ? undefined : `A whole number from 1 to ${maxLimit.toLocaleString('en-US')}.`}>
          <input
            type="number"
            min={1}
            max={maxLimit}
            step={1}
            value={limit}
            onChange={(e) => onLimit(e.target.value)}
            className={`${INPUT_CLASS} w-40`}
            data-testid="db-import-limit"
          />
        </Field>
        <Button variant="primary" onClick={onImport} disabled={!validLimit || importing.isPending || preview.isPending} data-testid="db-import-submit">
          {importing.isPending ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden="true" /> : <DatabaseZap className="h-4 w-4" aria-hidden="true" />}
          {importing.isPending ? 'Importing…' : 'Import'}
        </Button>
      </div>
      {importing.isError ? <Failure error={importing.error} mode={mode} testId="db-import-error" /> : null}
    </div>
  );
}
