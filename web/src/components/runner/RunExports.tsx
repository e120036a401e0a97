import { useMutation } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { downloadBlob } from '../../lib/download';
import { exportRun, type ExportFormat } from '../../lib/evalrun/api';
import { Button } from '../Button';
import { errorMessage } from '../evaluate/StateViews';

/** Export CSV / Export JSON of a stored run, saved as run-<id>.<ext>. */
export function RunExports({ runId, compact = false }: { runId: string; compact?: boolean }) {
  const save = useMutation({
    mutationFn: async (format: ExportFormat) => downloadBlob(`run-${runId}.${format}`, await exportRun(runId, format)),
  });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {(['csv', 'json'] as const).map((format) => (
        <Button
          key={format}
          className={compact ? 'px-2 py-1 text-xs' : undefined}
          disabled={save.isPending}
          onClick={() => save.mutate(format)}
          aria-label={`Export run ${runId} as ${format.toUpperCase()}`}
          data-testid={`export-${format}-${runId}`}
        >
          <Download className="h-3.5 w-3.5" aria-hidden="true" />
          {format.toUpperCase()}
        </Button>
      ))}
      {save.isError ? <span className="text-xs text-error" role="alert">{errorMessage(save.error)}</span> : null}
    </span>
  );
}
