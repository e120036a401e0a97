import { ArrowLeft, RotateCcw, Square } from 'lucide-react';
import { useRef, useState } from 'react';
import { safeFilename } from '../../lib/download';
import { optionsOr } from '../../lib/reports/settings';
import { useReportStream } from '../../lib/reports/useReportStream';
import { Button } from '../Button';
import { Modal } from '../Modal';
import { NoLlmNotice } from '../NoLlmNotice';
import { ReportControls } from '../report/ReportControls';
import { ReportRunView } from './ReportRunView';
import { ReportScopeFields } from './ReportScopeFields';
import { CONTEXT_FIELDS, DEFAULT_CONTEXT_FIELDS, scopedReportRequest, type ReportScope, type ScopedReportRequest } from './scorecardReport';
import { ErrorBlock, LoadingBlock } from './StateViews';
import { useReportSettings } from './useReportSettings';

export interface ReportTarget {
  /** The subtree's root, or null for the whole dataset. */
  node: string | null;
  metrics: string[];
}

interface ScorecardReportModalProps {
  datasetId: string;
  datasetName: string;
  /** Every metric of the scorecard, in its order. */
  metrics: string[];
  target: ReportTarget | null;
  onClose: () => void;
}

function ReportWorkspace({ datasetId, datasetName, metrics, target }: Omit<ScorecardReportModalProps, 'onClose'> & { target: ReportTarget }) {
  const { status, settings, available, controls } = useReportSettings();
  const [scope, setScope] = useState<ReportScope>({ sampleRate: 1, metrics: target.metrics, contextFields: DEFAULT_CONTEXT_FIELDS });
  const [view, setView] = useState<'settings' | 'run'>('settings');
  const { run, generate, stop } = useReportStream();
  const last = useRef<ScopedReportRequest | null>(null);
  const contextFields = optionsOr(status.data?.available_context_fields, CONTEXT_FIELDS);
  const streaming = run.status === 'streaming';

  const start = (request: ScopedReportRequest) => {
    last.current = request;
    setView('run');
    void generate(request);
  };

  if (status.isPending) return <LoadingBlock label="Checking whether reports can be generated…" />;
  if (status.isError) {
    return <ErrorBlock error={status.error} title="Could not check whether reports can be generated" onRetry={() => void status.refetch()} />;
  }

  if (view === 'settings') {
    return (
      <div className="space-y-4">
        {!available ? <NoLlmNotice className="text-sm" testId="scorecard-report-unavailable" /> : null}
        <ReportControls
          {...controls}
          streaming={false}
          onGenerate={() => start(scopedReportRequest(datasetId, settings, scope))}
          onStop={stop}
        />
        <ReportScopeFields scope={scope} metrics={metrics} contextFields={contextFields} onChange={(patch) => setScope((s) => ({ ...s, ...patch }))} />
      </div>
    );
  }

  return (
    <div className="space-y-4" data-testid="scorecard-report-run">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Button onClick={() => setView('settings')} disabled={streaming} data-testid="report-back">
          <ArrowLeft className="h-4 w-4" aria-hidden="true" />
          Back to settings
        </Button>
        {streaming ? (
          <Button variant="danger" onClick={stop} data-testid="report-cancel">
            <Square className="h-3.5 w-3.5" aria-hidden="true" />
            Cancel
          </Button>
        ) : null}
      </div>
      <ReportRunView
        run={run}
        filename={safeFilename(['report', datasetName, target.node ?? 'all', settings.reportType], 'md')}
        onRetry={last.current ? () => start(last.current!) : undefined}
      />
      {run.status === 'stopped' && run.text === '' ? (
        <p className="flex items-center gap-2 text-sm text-ink-muted" data-testid="report-cancelled">
          <RotateCcw className="h-4 w-4" aria-hidden="true" />
          Cancelled before the report was written. Go back to change the settings or generate again.
        </p>
      ) : null}
    </div>
  );
}

/** The Scorecard's report dialog: settings, then the streamed report, for the dataset or one subtree. */
export function ScorecardReportModal({ target, onClose, ...rest }: ScorecardReportModalProps) {
  return (
    <Modal
      open={target !== null}
      title={target?.node ? `AI report · ${target.node}` : 'AI report · all metrics'}
      onClose={onClose}
      className="max-h-[90vh] max-w-4xl overflow-y-auto"
      testId="scorecard-report-modal"
    >
      {target ? <ReportWorkspace key={target.node ?? ''} target={target} {...rest} /> : null}
    </Modal>
  );
}
