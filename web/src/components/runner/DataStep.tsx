import { useMutation } from '@tanstack/react-query';
import { AlertTriangle, FileUp, Loader2, Sparkles } from 'lucide-react';
import { useRef } from 'react';
import { loadRunnerSample, uploadRunnerCsv } from '../../lib/evalrun/api';
import { MAPPING_KEYS, missingRequiredKeys, type ColumnMapping } from '../../lib/evalrun/setup';
import type { RunnerDataset, RunnerUploadResponse } from '../../lib/evalrun/types';
import { formatCount } from '../../lib/evaluate/format';
import { Button } from '../Button';
import { Card } from '../Card';
import { ErrorLine } from '../database/Field';
import { errorMessage } from '../evaluate/StateViews';
import { RowsTable } from '../RowsTable';
import { SelectField } from '../SelectField';

const MAX_BYTES = 10 * 1024 * 1024;

interface DataStepProps {
  dataset: RunnerDataset | null;
  fileName: string | null;
  mapping: ColumnMapping;
  onLoaded: (reply: RunnerUploadResponse, name: string) => void;
  onMap: (key: string, column: string) => void;
  onNext: () => void;
}

type Source = { kind: 'file'; file: File } | { kind: 'sample' };

/** Step 1: a CSV (or the bundled sample), the column mapping and a preview. */
export function DataStep({ dataset, fileName, mapping, onLoaded, onMap, onNext }: DataStepProps) {
  const input = useRef<HTMLInputElement>(null);
  const load = useMutation({
    mutationFn: async (source: Source) => {
      if (source.kind === 'sample') return { reply: await loadRunnerSample(), name: 'sample.csv' };
      if (!source.file.name.toLowerCase().endsWith('.csv')) throw new Error('Only .csv files can be evaluated.');
      if (source.file.size > MAX_BYTES) throw new Error('The file is larger than 10 MB.');
      return { reply: await uploadRunnerCsv(source.file), name: source.file.name };
    },
    onSuccess: ({ reply, name }) => onLoaded(reply, name),
  });
  const missing = missingRequiredKeys(mapping);

  return (
    <div className="space-y-6">
      <Card title="Evaluation data" icon={<FileUp className="h-4 w-4 text-primary" aria-hidden="true" />}>
        <div className="flex flex-wrap items-center gap-3">
          <input
            ref={input}
            type="file"
            accept=".csv,text/csv"
            className="hidden"
            aria-label="CSV file to evaluate"
            data-testid="runner-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) load.mutate({ kind: 'file', file });
              e.target.value = '';
            }}
          />
          <Button variant="primary" disabled={load.isPending} onClick={() => input.current?.click()} data-testid="runner-upload">
            <FileUp className="h-4 w-4" aria-hidden="true" />
            Upload CSV
          </Button>
          <Button disabled={load.isPending} onClick={() => load.mutate({ kind: 'sample' })} data-testid="runner-sample">
            <Sparkles className="h-4 w-4 text-accent-gold" aria-hidden="true" />
            Use sample
          </Button>
          {load.isPending ? (
            <span className="flex items-center gap-2 text-sm text-ink-muted" role="status">
              <Loader2 className="h-4 w-4 animate-spin text-primary" aria-hidden="true" />
              Reading the file…
            </span>
          ) : null}
          {dataset && !load.isPending ? (
            <span className="text-sm text-ink-secondary" data-testid="runner-loaded">
              {fileName} · {formatCount(dataset.row_count)} rows · {dataset.columns.length} columns
            </span>
          ) : null}
        </div>
        <p className="mt-2 text-xs text-ink-muted">A .csv file of at most 10 MB; the first 10,000 rows are evaluated.</p>
        {load.isError ? <div className="mt-3"><ErrorLine text={errorMessage(load.error)} testId="runner-upload-error" /></div> : null}
      </Card>

      {dataset ? (
        <>
          <Card title="Column mapping" testId="runner-mapping">
            <p className="mb-4 text-xs text-ink-muted">Pre-filled from the column names. ID and Query are required; map the rest when a metric needs it.</p>
            <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
              {MAPPING_KEYS.map((k) => (
                <SelectField
                  key={k.key}
                  label={`${k.label}${k.required ? ' *' : ''}`}
                  value={mapping[k.key] ?? ''}
                  options={dataset.columns}
                  emptyLabel="— not mapped —"
                  onChange={(column) => onMap(k.key, column)}
                  testId={`map-${k.key}`}
                />
              ))}
            </div>
            {missing.length > 0 ? (
              <p className="mt-4 flex items-center gap-2 text-sm text-warning" data-testid="runner-mapping-missing">
                <AlertTriangle className="h-4 w-4" aria-hidden="true" />
                Map a column to {missing.map((k) => k.label).join(' and ')} to continue.
              </p>
            ) : null}
          </Card>
          <Card title={`Preview (first ${dataset.preview.length} of ${formatCount(dataset.row_count)} rows)`}>
            <div className="max-h-80 overflow-auto" tabIndex={0} role="region" aria-label="Preview rows">
              <RowsTable columns={dataset.columns} rows={dataset.preview} emptyText="The file has no rows." maxChars={80} testId="runner-preview" />
            </div>
          </Card>
          <div className="flex justify-end">
            <Button variant="primary" disabled={missing.length > 0} onClick={onNext} data-testid="runner-data-next">
              Next: agent
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
