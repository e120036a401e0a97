import { Lock } from 'lucide-react';
import { useState } from 'react';
import { ErrorLine } from '../../components/database/Field';
import { errorMessage } from '../../components/evaluate/StateViews';
import { AgentStep } from '../../components/runner/AgentStep';
import { DataStep } from '../../components/runner/DataStep';
import { MetricsStep } from '../../components/runner/MetricsStep';
import { PastRuns } from '../../components/runner/PastRuns';
import { RunnerStepNav, type RunnerStep } from '../../components/runner/RunnerStepNav';
import { RunLog, RunProgress } from '../../components/runner/RunProgress';
import { RunResults } from '../../components/runner/RunResults';
import { useOpenRun, useRunnerMetrics } from '../../lib/evalrun/queries';
import {
  DEFAULT_AGENT,
  DEFAULT_METRICS_FORM,
  mappingFromSuggestion,
  missingRequiredKeys,
  runRequest,
  type AgentForm,
  type ColumnMapping,
  type MetricsForm,
} from '../../lib/evalrun/setup';
import type { RunnerDataset, RunnerUploadResponse } from '../../lib/evalrun/types';
import { useRunStream } from '../../lib/evalrun/useRunStream';
import { useFeatures } from '../../lib/queries';
import { useEvaluateContext } from './context';

function baseName(file: string): string {
  return file.replace(/\.csv$/i, '');
}

function Runner() {
  const { current } = useEvaluateContext();
  const [step, setStep] = useState<RunnerStep>('data');
  const [dataset, setDataset] = useState<RunnerDataset | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [agent, setAgent] = useState<AgentForm>(DEFAULT_AGENT);
  const [form, setForm] = useState<MetricsForm>(DEFAULT_METRICS_FORM);
  const metrics = useRunnerMetrics();
  const { state, start, resume, stop, show } = useRunStream();
  const open = useOpenRun();
  const running = state.status === 'running';

  const onLoaded = (reply: RunnerUploadResponse, name: string) => {
    setDataset(reply.dataset);
    setFileName(name);
    setMapping(mappingFromSuggestion(reply.suggested_mapping, reply.dataset.columns));
    setForm((f) => (f.evaluationName.trim() === '' ? { ...f, evaluationName: baseName(name) } : f));
  };

  const dataReady = !!dataset && missingRequiredKeys(mapping).length === 0;
  const reachable = (s: RunnerStep) => {
    if (s === 'data') return true;
    if (s === 'run') return state.status !== 'idle';
    return dataReady;
  };

  const onRun = () => {
    if (!dataset || !metrics.data) return;
    setStep('run');
    void start(runRequest(dataset, mapping, agent, form, metrics.data));
  };

  const onResume = (runId: string) => {
    setStep('run');
    void resume(runId);
  };

  const onOpen = (runId: string) => {
    open.mutate(runId, {
      onSuccess: (reply) => {
        if (reply.summary) {
          show(reply.summary);
          setStep('run');
        }
      },
    });
  };

  return (
    <div className="space-y-6">
      <RunnerStepNav current={step} reachable={reachable} onSelect={setStep} />
      {step === 'data' ? (
        <DataStep
          dataset={dataset}
          fileName={fileName}
          mapping={mapping}
          onLoaded={onLoaded}
          onMap={(key, column) => setMapping((m) => ({ ...m, [key]: column }))}
          onNext={() => setStep('agent')}
        />
      ) : null}
      {step === 'agent' ? <AgentStep form={agent} onChange={(p) => setAgent((a) => ({ ...a, ...p }))} onBack={() => setStep('data')} onNext={() => setStep('metrics')} /> : null}
      {step === 'metrics' ? (
        <MetricsStep
          metrics={metrics.data}
          loading={metrics.isPending}
          error={metrics.error}
          form={form}
          mapping={mapping}
          agent={agent.type}
          rowCount={dataset?.row_count ?? 0}
          onChange={(p) => setForm((f) => ({ ...f, ...p }))}
          onBack={() => setStep('agent')}
          onRun={onRun}
        />
      ) : null}
      {step === 'run' ? (
        <>
          {state.status !== 'complete' || !state.summary ? <RunProgress state={state} onCancel={stop} /> : null}
          {state.summary ? <RunResults summary={state.summary} onSelectDataset={current.select} /> : null}
          {state.summary && state.logs.length > 0 ? (
            <details className="rounded-xl border bg-white px-5 py-3 shadow-card" data-testid="runner-log-details">
              <summary className="cursor-pointer text-sm font-semibold text-ink">Run log ({state.logs.length} lines)</summary>
              <RunLog logs={state.logs} />
            </details>
          ) : null}
        </>
      ) : null}
      {open.isError ? <ErrorLine text={errorMessage(open.error)} testId="runner-open-error" /> : null}
      {open.data && !open.data.summary ? <ErrorLine text="This run has no stored results." testId="runner-open-error" /> : null}
      <PastRuns busy={running} onOpen={onOpen} onResume={onResume} opening={open.isPending ? (open.variables ?? null) : null} />
    </div>
  );
}

export default function RunnerPage() {
  const { eval_runner_enabled: enabled } = useFeatures();
  if (!enabled) {
    return (
      <div data-testid="runner-disabled" className="flex items-center gap-3 rounded-xl border bg-white px-5 py-4 text-sm text-ink-secondary">
        <Lock className="h-4 w-4 text-ink-muted" aria-hidden="true" />
        The evaluation runner is disabled by the administrator.
      </div>
    );
  }
  return <Runner />;
}
