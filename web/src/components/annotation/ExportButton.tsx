import { useMutation } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { exportAnnotations, exportFilename } from '../../lib/annotation/api';
import { downloadBlob } from '../../lib/download';
import { Button } from '../Button';
import { errorMessage } from '../evaluate/StateViews';

/** Fetches the annotated CSV (with the API token, which a plain link cannot send) and saves it. */
export function ExportButton({ datasetId }: { datasetId: string }) {
  const exporting = useMutation({
    mutationFn: () => exportAnnotations(datasetId),
    onSuccess: (blob) => downloadBlob(exportFilename(), blob),
  });

  return (
    <>
      {exporting.isError ? (
        <span role="alert" className="text-xs text-error" data-testid="annotation-export-error">
          Export failed: {errorMessage(exporting.error)}
        </span>
      ) : null}
      <Button variant="primary" onClick={() => exporting.mutate()} disabled={exporting.isPending} data-testid="annotation-export">
        <Download className="h-4 w-4" aria-hidden="true" />
        {exporting.isPending ? 'Exporting…' : 'Export CSV'}
      </Button>
    </>
  );
}
