import { ArrowRight, CheckCircle2, Database, FileSpreadsheet, PenLine, Rows3, Table2 } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card } from '../../components/Card';
import { DbImportButton } from '../../components/database/DbImportButton';
import { DataPreviewTable } from '../../components/evaluate/DataPreviewTable';
import { FileUpload } from '../../components/evaluate/FileUpload';
import { datasetLabel } from '../../lib/evaluate/datasets';
import { formatCount, formatDateTime, formatLabel, isHierarchicalFormat } from '../../lib/evaluate/format';
import type { Dataset, StoredResponse } from '../../lib/evaluate/types';
import { useEvaluateContext } from './context';

const FORMATS: Array<{ code: string; text: string }> = [
  { code: 'tree_format', text: 'One row per case and metric: dataset_id, metric_name, metric_score, optional parent, weight, metric_type, evaluation_name.' },
  { code: 'flat_format', text: 'One row per case with a numeric column per metric; it is read as a one-level tree.' },
  { code: 'simple_judgment', text: 'A judgment column per case (accept/reject); useful for annotation, not for the scorecard.' },
  { code: 'fresh_annotation', text: 'query and actual_output without scores: ready to label in the Annotation Studio.' },
];

function SuccessPanel({ dataset, response, fresh }: { dataset: Dataset; response: StoredResponse | null; fresh: boolean }) {
  const format = response?.format ?? dataset.format;
  const rows = response?.total_rows ?? response?.row_count ?? dataset.row_count;
  const query = `?dataset=${encodeURIComponent(dataset.id)}`;
  const forAnnotation = dataset.kind === 'annotation' || dataset.kind === 'calibration' || format === 'fresh_annotation';
  return (
    <section className="rounded-xl border border-success/30 bg-white shadow-card" data-testid="upload-success">
      <div className="flex flex-wrap items-start justify-between gap-4 p-5">
        <div className="flex items-start gap-4">
          <div className="flex h-11 w-11 items-center justify-center rounded-full bg-success/10 text-success">
            <CheckCircle2 className="h-6 w-6" aria-hidden="true" />
          </div>
          <div>
            <h2 className="text-base font-semibold text-ink">{fresh ? 'Data Loaded Successfully' : 'Current dataset'}</h2>
            <p className="mt-0.5 text-sm text-ink-muted">
              {datasetLabel(dataset)} · stored on the server {formatDateTime(dataset.created_at)}
            </p>
            {response?.message ? <p className="mt-1 text-xs text-ink-muted">{response.message}</p> : null}
          </div>
        </div>
        {forAnnotation ? (
          <Link
            to={`/annotation-studio${query}`}
            className="inline-flex items-center gap-2 rounded-lg bg-primary px-4 py-2 text-sm font-medium text-white transition hover:bg-primary-dark"
            data-testid="continue-annotation"
          >
            <PenLine className="h-4 w-4" aria-hidden="true" />
            Open in Annotation Studio
          </Link>
        ) : (
          <Link
            to={`/evaluate/scorecard${query}`}
            className="inline-flex items-center gap-2 rounded-lg bg-primary px-4 py-2 text-sm font-medium text-white transition hover:bg-primary-dark"
            data-testid="continue-scorecard"
          >
            Continue to Scorecard
            <ArrowRight className="h-4 w-4" aria-hidden="true" />
          </Link>
        )}
      </div>
      <dl className="grid grid-cols-1 gap-px border-t bg-line sm:grid-cols-3">
        <div className="bg-white px-5 py-3">
          <dt className="flex items-center gap-1.5 text-[11px] font-semibold uppercase tracking-wide text-ink-muted">
            <FileSpreadsheet className="h-3.5 w-3.5" aria-hidden="true" />
            Detected format
          </dt>
          <dd className="mt-1 flex items-center gap-2">
            <code className="rounded bg-primary-pale/40 px-1.5 py-0.5 text-sm font-semibold text-primary-dark" data-testid="upload-format">
              {format ?? 'unknown'}
            </code>
            <span className="text-xs text-ink-muted">{formatLabel(format)}</span>
          </dd>
        </div>
        <div className="bg-white px-5 py-3">
          <dt className="flex items-center gap-1.5 text-[11px] font-semibold uppercase tracking-wide text-ink-muted">
            <Rows3 className="h-3.5 w-3.5" aria-hidden="true" />
            Rows
          </dt>
          <dd className="mt-1 text-sm font-semibold text-ink" data-testid="upload-rows">
            {formatCount(rows)}
          </dd>
        </div>
        <div className="bg-white px-5 py-3">
          <dt className="flex items-center gap-1.5 text-[11px] font-semibold uppercase tracking-wide text-ink-muted">
            <Database className="h-3.5 w-3.5" aria-hidden="true" />
            Kind
          </dt>
          <dd className="mt-1 text-sm text-ink">
            {dataset.kind ?? '—'}
            {!forAnnotation && !isHierarchicalFormat(format) ? (
              <span className="ml-2 text-xs text-warning">The scorecard needs tree or flat format.</span>
            ) : null}
          </dd>
        </div>
      </dl>
    </section>
  );
}

export default function UploadPage() {
  const { current } = useEvaluateContext();
  const [last, setLast] = useState<StoredResponse | null>(null);

  const onLoaded = (response: StoredResponse) => {
    setLast(response);
    const id = response.dataset?.id ?? response.dataset_id;
    if (id) current.select(id);
  };

  const freshId = last?.dataset?.id ?? last?.dataset_id ?? null;
  const shown: Dataset | null =
    current.dataset ?? (freshId && last?.dataset && current.datasetId === freshId ? last.dataset : null);
  const fresh = !!shown && shown.id === freshId;

  return (
    <div className="space-y-6">
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card
          title="Upload evaluation data"
          icon={<FileSpreadsheet className="h-4 w-4 text-primary" aria-hidden="true" />}
          actions={<DbImportButton store="data" onImported={onLoaded} className="flex flex-wrap items-center justify-end gap-2" />}
          className="lg:col-span-2"
        >
          <FileUpload onLoaded={onLoaded} />
        </Card>
        <Card title="Accepted formats" icon={<Table2 className="h-4 w-4 text-primary" aria-hidden="true" />}>
          <ul className="space-y-3">
            {FORMATS.map((f) => (
              <li key={f.code}>
                <code className="text-xs font-semibold text-primary-dark">{f.code}</code>
                <p className="mt-0.5 text-xs leading-relaxed text-ink-muted">{f.text}</p>
              </li>
            ))}
          </ul>
          <p className="mt-4 border-t pt-3 text-xs text-ink-muted">
            Uploads are stored on the server and stay available after a reload; switch or delete them with the dataset picker.
          </p>
        </Card>
      </div>
      {shown ? (
        <>
          <SuccessPanel dataset={shown} response={fresh ? last : null} fresh={fresh} />
          <Card title="Preview" icon={<Rows3 className="h-4 w-4 text-primary" aria-hidden="true" />}>
            <DataPreviewTable datasetId={shown.id} />
          </Card>
        </>
      ) : null}
    </div>
  );
}
