import { useState } from 'react';
import { NoDataset } from '../../components/evaluate/NoDataset';
import { ReportRunView } from '../../components/evaluate/ReportRunView';
import { ErrorBlock, LoadingBlock } from '../../components/evaluate/StateViews';
import { NoLlmNotice } from '../../components/NoLlmNotice';
import { ReportControls } from '../../components/report/ReportControls';
import { safeFilename } from '../../lib/download';
import type { Dataset } from '../../lib/evaluate/types';
import { useReportsStatus } from '../../lib/reports/queries';
import { DEFAULT_MODES, DEFAULT_REPORT_TYPES, DEFAULT_SETTINGS, optionsOr, pickOption, reportRequest } from '../../lib/reports/settings';
import type { ReportSettings } from '../../lib/reports/types';
import { useReportStream } from '../../lib/reports/useReportStream';
import { useEvaluateContext } from './context';

function ReportBody({ dataset }: { dataset: Dataset }) {
  const status = useReportsStatus();
  const [chosen, setChosen] = useState<ReportSettings>(DEFAULT_SETTINGS);
  const { run, generate, stop } = useReportStream();
  const modes = optionsOr(status.data?.report_modes, DEFAULT_MODES);
  const reportTypes = optionsOr(status.data?.report_types, DEFAULT_REPORT_TYPES);
  const settings = { ...chosen, mode: pickOption(modes, chosen.mode), reportType: pickOption(reportTypes, chosen.reportType) };
  const available = status.data?.available === true;
  const streaming = run.status === 'streaming';

  return (
    <div className="space-y-6">
      {status.isError ? <ErrorBlock error={status.error} title="Could not check whether reports can be generated" onRetry={() => void status.refetch()} /> : null}
      {status.data && !available ? <NoLlmNotice className="text-sm" testId="report-unavailable" /> : null}
      <ReportControls
        settings={settings}
        modes={modes}
        reportTypes={reportTypes}
        onChange={(patch) => setChosen((s) => ({ ...s, ...patch }))}
        canGenerate={available}
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
