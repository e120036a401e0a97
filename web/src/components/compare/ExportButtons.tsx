import { Download, Loader2 } from 'lucide-react';
import { useState } from 'react';
import { downloadBlob, safeFilename } from '../../lib/download';
import type { CompareExportFormat } from '../../lib/evaluate/api';
import { Button } from '../Button';
import { errorMessage } from '../evaluate/StateViews';

const FORMATS: Array<{ id: CompareExportFormat; label: string }> = [
  { id: 'csv', label: 'CSV' },
  { id: 'json', label: 'JSON' },
  { id: 'md', label: 'Markdown' },
];

interface ExportButtonsProps {
  /** The file's name parts (the extension follows the format). */
  nameParts: string[];
  disabled?: boolean;
  fetchFile: (format: CompareExportFormat) => Promise<Blob>;
  /** The formats offered (all three by default). */
  formats?: CompareExportFormat[];
  /** Button test ids are `<prefix>-<format>`. */
  testIdPrefix?: string;
}

/** Export CSV, JSON or Markdown: the server writes the file (with the view's filters); an error names the format and stays until the next try. */
export function ExportButtons({ nameParts, disabled, fetchFile, formats, testIdPrefix = 'export-cases' }: ExportButtonsProps) {
  const [busy, setBusy] = useState<CompareExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (format: CompareExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      downloadBlob(safeFilename(nameParts, format), await fetchFile(format));
    } catch (e) {
      setError(`Export ${FORMATS.find((f) => f.id === format)?.label ?? format} failed: ${errorMessage(e)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Export">
      {error ? (
        <span className="text-xs text-error" role="alert" data-testid="export-error">
          {error}
        </span>
      ) : null}
      {FORMATS.filter((f) => !formats || formats.includes(f.id)).map((f) => (
        <Button key={f.id} onClick={() => void run(f.id)} disabled={disabled || busy !== null} data-testid={`${testIdPrefix}-${f.id}`}>
          {busy === f.id ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden="true" /> : <Download className="h-4 w-4" aria-hidden="true" />}
          Export {f.label}
        </Button>
      ))}
    </div>
  );
}
