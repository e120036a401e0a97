import type { ReportRunState } from '../../lib/reports/reportRun';
import { ReportInsights } from '../report/ReportInsights';
import { ReportProgress } from '../report/ReportProgress';
import { ReportResult } from '../report/ReportResult';
import { ErrorBlock } from './StateViews';

interface ReportRunViewProps {
  run: ReportRunState;
  filename: string;
  /** Offered with the error, to run the same request again. */
  onRetry?: () => void;
}

/** One report generation as it goes: its error (with Retry), progress steps, patterns and the report. */
export function ReportRunView({ run, filename, onRetry }: ReportRunViewProps) {
  return (
    <>
      {run.error ? (
        <div data-testid="report-error">
          <ErrorBlock error={run.error} title="The report could not be generated" onRetry={onRetry} />
        </div>
      ) : null}
      <ReportProgress thoughts={run.thoughts} streaming={run.status === 'streaming'} />
      <ReportInsights patterns={run.patterns} />
      {run.text !== '' ? (
        <ReportResult text={run.text} status={run.status} issuesAnalyzed={run.issuesAnalyzed} metricsCovered={run.metricsCovered} filename={filename} />
      ) : null}
    </>
  );
}
