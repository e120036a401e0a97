import { NoDataset } from '../../components/evaluate/NoDataset';
import { ReportRunView } from '../../components/evaluate/ReportRunView';
import { ErrorBlock, LoadingBlock } from '../../components/evaluate/StateViews';
import { useReportSettings } from '../../components/evaluate/useReportSettings';
import { NoLlmNotice } from '../../components/NoLlmNotice';
import { ReportControls } from '../../components/report/ReportControls';
import { safeFilename } from '../../lib/download';
import type { Dataset } from '../../lib/evaluate/types';
import { reportRequest } from '../../lib/reports/settings';
import { useReportStream } from '../../lib/reports/useReportStream';
import { useEvaluateContext } from './context';

function ReportBody({ dataset }: { dataset: Dataset }) {
  const { status, settings, available, controls } = useReportSettings();
  const { run, generate, stop } = useReportStream();
  const streaming = run.status === 'streaming';

  return (
    <div className="space-y-6">
      {status.isError ? <ErrorBlock error={status.error} title="Could not check whether reports can be generated" onRetry={() => void status.refetch()} /> : null}
      {status.data && !available ? <NoLlmNotice className="text-sm" testId="report-unavailable" /> : null}
      <ReportControls
        {...controls}
        streaming={streaming}
        onGenerate={() => void generate(reportRequest(dataset.id, settings))}
        onStop={stop}
      />
      <ReportRunView run={run} filename={safeFilename(['report', dataset.name ?? dataset.id, settings.reportType], 'md')} onRetry={() => void generate(reportRequest(dataset.id, settings))} />
    </div>
  );
}

export default function ReportPage() {
  const { current } = useEvaluateContext();
  if (current.isLoading) return <LoadingBlock label="Loading datasets…" />;
  if (current.error) return <ErrorBlock error={current.error} title="Could not list the stored datasets" />;
  if (!current.datasetId || !current.dataset) return current.datasetId ? <LoadingBlock /> : <NoDataset what="report" />;
  return <ReportBody key={current.dataset.id} dataset={current.dataset} />;
}
