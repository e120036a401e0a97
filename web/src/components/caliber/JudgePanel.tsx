import { Cpu, FileText, ListPlus, Loader2, Play, RotateCcw } from 'lucide-react';
import { useState } from 'react';
import { useAlignDefaults, useAlignModels, useAlignStatus } from '../../lib/align/queries';
import { CRITERIA_PLACEHOLDER } from '../../lib/align/stats';
import type { AlignRecord, AlignStatus, FewShotExample, HumanScore, JudgeConfig } from '../../lib/align/types';
import { Button } from '../Button';
import { Card } from '../Card';
import { Field, INPUT_CLASS } from '../database/Field';
import { ErrorBlock } from '../evaluate/StateViews';
import { NoLlmNotice } from '../NoLlmNotice';
import { NumberField } from '../NumberField';
import { TabBar } from '../TabBar';
import { ExamplesTab } from './ExamplesTab';

type JudgeTab = 'model' | 'prompt' | 'examples';

interface JudgePanelProps {
  config: JudgeConfig;
  onChange: (patch: Partial<JudgeConfig>) => void;
  records: AlignRecord[];
  scores: Record<string, HumanScore>;
  running: boolean;
  onRun: () => void;
}

/** Why the judge cannot run yet, or null when it can. */
export function runBlocker(config: JudgeConfig, status: AlignStatus | undefined, labelled: number): string | null {
  if (status?.configured !== true) return 'Run is available once an LLM provider is configured.';
  if (!status.providers[config.provider]) return `The ${config.provider} provider is not configured on the server: choose another model.`;
  if (labelled === 0) return 'Label at least one record first.';
  if (!config.system_prompt.includes(CRITERIA_PLACEHOLDER)) return `The prompt must contain ${CRITERIA_PLACEHOLDER}.`;
  if (config.model === '') return 'Choose a model.';
  return null;
}

/** The LLM judge: model, prompt with its criteria, few-shot examples, and Run. */
export function JudgePanel({ config, onChange, records, scores, running, onRun }: JudgePanelProps) {
  const [tab, setTab] = useState<JudgeTab>('model');
  const models = useAlignModels();
  const status = useAlignStatus();
  const defaults = useAlignDefaults();
  const blocker = runBlocker(config, status.data, Object.keys(scores).length);
  const hasPlaceholder = config.system_prompt.includes(CRITERIA_PLACEHOLDER);

  return (
    <Card title="LLM judge" icon={<Cpu className="h-4 w-4 text-primary" aria-hidden="true" />} testId="caliber-judge">
      <TabBar
        tabs={[
          { id: 'model', label: 'Model', icon: Cpu },
          { id: 'prompt', label: 'Prompt', icon: FileText },
          { id: 'examples', label: 'Examples', icon: ListPlus, badge: config.few_shot_examples.length },
        ]}
        current={tab}
        onSelect={setTab}
        testIdPrefix="judge-tab"
      />
      <div className="mt-4">
        {tab === 'model' ? (
          <div className="space-y-3">
            {status.data && !status.data.configured ? <NoLlmNotice testId="caliber-no-llm" /> : null}
            {models.isError ? <ErrorBlock error={models.error} title="Could not list the models" /> : null}
            <Field label="Model">
              <select
                className={INPUT_CLASS}
                value={config.model}
                onChange={(e) => {
                  const m = models.data?.find((x) => x.id === e.target.value);
                  onChange({ model: e.target.value, provider: m?.provider ?? config.provider });
                }}
                data-testid="judge-model"
              >
                {config.model !== '' && !models.data?.some((m) => m.id === config.model) ? <option value={config.model}>{config.model}</option> : null}
                {(models.data ?? []).map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </Field>
            <NumberField label="Temperature" value={config.temperature} min={0} max={2} step={0.1} onChange={(t) => onChange({ temperature: Math.min(2, Math.max(0, t)) })} testId="judge-temperature" />
          </div>
        ) : null}
        {tab === 'prompt' ? (
          <div className="space-y-3">
            <Field label="System prompt">
              <textarea className={`${INPUT_CLASS} font-mono text-xs`} rows={10} value={config.system_prompt} onChange={(e) => onChange({ system_prompt: e.target.value })} data-testid="judge-prompt" />
            </Field>
            {!hasPlaceholder ? (
              <p className="text-xs text-error" role="alert" data-testid="judge-prompt-missing">
                The prompt must contain <code>{CRITERIA_PLACEHOLDER}</code>, where the criteria are put.
              </p>
            ) : null}
            <Field label="Evaluation criteria">
              <textarea className={INPUT_CLASS} rows={6} value={config.evaluation_criteria} onChange={(e) => onChange({ evaluation_criteria: e.target.value })} data-testid="judge-criteria" />
            </Field>
            <Button disabled={!defaults.data} onClick={() => defaults.data && onChange({ system_prompt: defaults.data.system_prompt, evaluation_criteria: defaults.data.evaluation_criteria })} data-testid="judge-reset">
              <RotateCcw className="h-4 w-4" aria-hidden="true" />
              Reset to defaults
            </Button>
          </div>
        ) : null}
        {tab === 'examples' ? (
          <ExamplesTab examples={config.few_shot_examples} records={records} scores={scores} onChange={(few_shot_examples: FewShotExample[]) => onChange({ few_shot_examples })} />
        ) : null}
      </div>
      <div className="mt-5 flex flex-wrap items-center justify-end gap-3 border-t pt-4">
        {blocker ? <span className="text-xs text-ink-muted" data-testid="judge-run-blocker">{blocker}</span> : null}
        <Button variant="primary" disabled={!!blocker || running} onClick={onRun} data-testid="judge-run">
          {running ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden="true" /> : <Play className="h-4 w-4" aria-hidden="true" />}
          {running ? 'Judging…' : `Run judge on ${Object.keys(scores).length} labelled records`}
        </Button>
      </div>
    </Card>
  );
}
