import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Download, RotateCcw, Settings2, Tags } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { evaluateJudge, getJudgeRun } from '../../lib/align/api';
import { guessColumns, toRecords, unmappedRoles, type CaliberColumns } from '../../lib/align/columns';
import { fileLabels, humanScores, labelsKey, recordId } from '../../lib/align/labels';
import { alignKeys, useAlignDefaults, useAlignModels } from '../../lib/align/queries';
import type { AlignmentMetrics, AlignmentResult, JudgeConfig } from '../../lib/align/types';
import { useLabels } from '../../lib/align/useLabels';
import { downloadText, safeFilename } from '../../lib/download';
import { columnNames } from '../../lib/evaluate/datasets';
import { useRows } from '../../lib/evaluate/queries';
import type { Dataset } from '../../lib/evaluate/types';
import { useCaliberStore } from '../../stores/caliberStore';
import { Button } from '../Button';
import { ErrorLine } from '../database/Field';
import { ErrorBlock, errorMessage, LoadingBlock } from '../evaluate/StateViews';
import { useSearchParam } from '../../lib/useSearchParam';
import { CaliberSteps, type CaliberStep } from './CaliberSteps';
import { ConfigureModal } from './ConfigureModal';
import { JudgePanel } from './JudgePanel';
import { JudgeResults } from './JudgeResults';
import { JudgeRuns } from './JudgeRuns';
import { LabelStep } from './LabelStep';
import { PatternInsights } from './PatternInsights';
import { SavedConfigs } from './SavedConfigs';

/** Records judged per calibration: the first page of the stored rows, as the row route pages them. */
export const MAX_RECORDS = 500;

const EMPTY_CONFIG: JudgeConfig = { model: '', provider: 'openai', system_prompt: '', evaluation_criteria: '', few_shot_examples: [], temperature: 0, name: null };

interface Shown {
  title: string;
  results: AlignmentResult[];
  metrics: AlignmentMetrics;
}

interface WorkspaceProps {
  dataset: Dataset;
  onStartOver: () => void;
}

/** Labelling and judge building for one stored dataset. */
export function Workspace({ dataset, onStartOver }: WorkspaceProps) {
  const rows = useRows(dataset.id, 1, MAX_RECORDS);
  const columns = useMemo(() => columnNames(rows.data?.columns), [rows.data]);
  const [chosen, setChosen] = useState<CaliberColumns | null>(null);
  const [configuring, setConfiguring] = useState(false);
  const cols = useMemo(() => chosen ?? guessColumns(columns), [chosen, columns]);
  const records = useMemo(() => toRecords(rows.data?.data ?? [], cols), [rows.data, cols]);
  const labels = useLabels(labelsKey(dataset.name));
  const index = useCaliberStore((s) => s.indexByDataset[dataset.id] ?? 0);
  const setIndex = useCaliberStore((s) => s.setIndex);
  // The step is in the address (?step=build) so a reload or a shared link comes back to it.
  const [stepParam, setStepParam] = useSearchParam('step');
  const setStep = (s: CaliberStep) => setStepParam(s === 'label' ? null : s);
  const [declined, setDeclined] = useState(false);
  const [config, setConfig] = useState<JudgeConfig>(EMPTY_CONFIG);
  const [shown, setShown] = useState<Shown | null>(null);
  const defaults = useAlignDefaults();
  const models = useAlignModels();
  const client = useQueryClient();

  useEffect(() => {
    const d = defaults.data;
    if (d) setConfig((c) => (c.system_prompt === '' && c.evaluation_criteria === '' ? { ...c, system_prompt: d.system_prompt, evaluation_criteria: d.evaluation_criteria } : c));
  }, [defaults.data]);
  useEffect(() => {
    const first = models.data?.find((m) => !m.name.includes('not configured')) ?? models.data?.[0];
    if (first) setConfig((c) => (c.model === '' ? { ...c, model: first.id, provider: first.provider } : c));
  }, [models.data]);

  const scores = useMemo(() => humanScores(labels.labels), [labels.labels]);
  const fromFile = useMemo(() => fileLabels(records), [records]);
  const offerFileLabels = !declined && !labels.isLoading && !labels.hadStored && Object.keys(labels.labels).length === 0 && Object.keys(fromFile).length > 0;

  const judge = useMutation({
    mutationFn: (c: JudgeConfig) => evaluateJudge({ records, human_annotations: scores, judge_config: c }),
    onSuccess: (reply) => {
      setShown({ title: reply.run_id ? `Judge run ${reply.run_id}` : 'Judge run (not stored)', results: reply.results, metrics: reply.metrics });
      void client.invalidateQueries({ queryKey: alignKeys.runs });
    },
  });
  const openRun = useMutation({
    mutationFn: (runId: string) => getJudgeRun(runId),
    onSuccess: ({ run }) => setShown({ title: `Judge run ${run.name ?? run.run_id}`, results: run.results, metrics: run.metrics }),
  });

  const exportLabels = () => {
    const data = records.map((r, i) => {
      const l = labels.labels[recordId(r, i)];
      return { ...r, human_score: l?.score ?? null, human_notes: l?.notes ?? '' };
    });
    downloadText(safeFilename(['caliber-labels', dataset.name], 'json'), JSON.stringify(data, null, 2), 'application/json');
  };

  // Labelling waits for the stored labels: an edit made before they arrive would replace them.
  if (rows.isPending || labels.isLoading) return <LoadingBlock label="Loading the records and their labels…" />;
  if (rows.isError) return <ErrorBlock error={rows.error} title="Could not load the records" onRetry={() => void rows.refetch()} />;
  const unmapped = unmappedRoles(cols);
  const labelled = Object.keys(scores).length;
  const step: CaliberStep = stepParam === 'build' && labelled > 0 ? 'build' : 'label';

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <CaliberSteps current={step} labelled={labelled} onSelect={(s) => (s === 'upload' ? onStartOver() : setStep(s))} />
        <div className="flex gap-2">
          <Button onClick={() => setConfiguring(true)} data-testid="caliber-configure-open">
            <Settings2 className="h-4 w-4" aria-hidden="true" />
            Configure
          </Button>
          <Button onClick={exportLabels} disabled={records.length === 0} data-testid="caliber-export">
            <Download className="h-4 w-4" aria-hidden="true" />
            Export
          </Button>
          <Button onClick={onStartOver} data-testid="caliber-start-over">
            <RotateCcw className="h-4 w-4" aria-hidden="true" />
            Start over
          </Button>
        </div>
      </div>
      <p className="text-sm text-ink-secondary" data-testid="caliber-dataset">
        {dataset.name} · {records.length} records{(rows.data.total ?? 0) > MAX_RECORDS ? ` (the first ${MAX_RECORDS} of ${rows.data.total})` : ''}
      </p>
      {unmapped.length > 0 ? <ErrorLine text={`No column is chosen for the ${unmapped.join(' and ')}: pick ${unmapped.length > 1 ? 'them' : 'it'} in Configure.`} testId="caliber-missing-columns" /> : null}
      {!cols.id && unmapped.length === 0 ? (
        <p className="text-xs text-warning" data-testid="caliber-no-id">No id column: records are identified by their position in the file.</p>
      ) : null}
      {configuring ? (
        <ConfigureModal
          open
          columns={columns}
          value={cols}
          onClose={() => setConfiguring(false)}
          onSave={(c) => {
            setChosen(c);
            setConfiguring(false);
          }}
        />
      ) : null}
      {labels.loadError ? <ErrorLine text={`The saved labels could not be loaded: ${errorMessage(labels.loadError)}`} testId="caliber-labels-error" /> : null}
      {labels.error ? <ErrorLine text={`The labels could not be saved: ${labels.error}`} testId="caliber-save-error" /> : null}
      {offerFileLabels ? (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-primary-soft bg-primary-pale/20 px-5 py-3" role="region" aria-label="Existing labels" data-testid="caliber-existing-labels">
          <p className="flex items-center gap-2 text-sm text-ink">
            <Tags className="h-4 w-4 text-primary" aria-hidden="true" />
            This file already has {Object.keys(fromFile).length} labels (0/1 in score, label or human_score).
          </p>
          <div className="flex gap-2">
            <Button variant="primary" onClick={() => labels.replace(fromFile)} data-testid="caliber-use-existing">
              Use Existing Labels
            </Button>
            <Button onClick={() => setDeclined(true)} data-testid="caliber-reannotate">
              Re-annotate from Scratch
            </Button>
          </div>
        </div>
      ) : null}
      {step === 'label' ? (
        <LabelStep records={records} display={cols.display} labels={labels.labels} index={Math.min(index, Math.max(0, records.length - 1))} status={labels.status} onIndex={(i) => setIndex(dataset.id, i)} onLabel={labels.set} />
      ) : (
        <div className="space-y-6">
          <div className="grid items-start gap-6 xl:grid-cols-2">
            <PatternInsights
              labels={labels.labels}
              config={config}
              onUseAsCriteria={(text) => setConfig((c) => ({ ...c, evaluation_criteria: `${c.evaluation_criteria.trimEnd()}\n- ${text}`.trimStart() }))}
            />
            <JudgePanel config={config} onChange={(p) => setConfig((c) => ({ ...c, ...p }))} records={records} scores={scores} running={judge.isPending} onRun={() => judge.mutate(config)} />
          </div>
          {judge.isError ? <ErrorLine text={errorMessage(judge.error)} testId="judge-error" /> : null}
          {openRun.isError ? <ErrorLine text={errorMessage(openRun.error)} testId="judge-open-error" /> : null}
          {shown ? (
            <JudgeResults
              title={shown.title}
              results={shown.results}
              metrics={shown.metrics}
              config={config}
              running={judge.isPending}
              onApply={(patch) => {
                const next = { ...config, ...patch };
                setConfig(next);
                judge.mutate(next);
              }}
            />
          ) : null}
          <div className="grid items-start gap-6 xl:grid-cols-2">
            <SavedConfigs config={config} metrics={shown?.metrics ?? null} onLoad={(c) => setConfig({ ...EMPTY_CONFIG, ...c })} />
            <JudgeRuns onOpen={(id) => openRun.mutate(id)} opening={openRun.isPending ? (openRun.variables ?? null) : null} />
          </div>
        </div>
      )}
    </div>
  );
}
