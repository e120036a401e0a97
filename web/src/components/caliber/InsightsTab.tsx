import { useMutation } from '@tanstack/react-query';
import { Loader2, RefreshCw, Search, Sparkles } from 'lucide-react';
import { analyzeMisalignment, optimizePrompt } from '../../lib/align/api';
import { CRITERIA_PLACEHOLDER, judgeInstruction } from '../../lib/align/stats';
import type { AlignmentResult, JudgeConfig, OptimizedPrompt } from '../../lib/align/types';
import { Button } from '../Button';
import { ErrorLine } from '../database/Field';
import { errorMessage } from '../evaluate/StateViews';
import { PromptDiff } from './PromptDiff';

interface InsightsTabProps {
  results: AlignmentResult[];
  config: JudgeConfig;
  running: boolean;
  /** Takes the optimised prompt and criteria into the judge and runs it again. */
  onApply: (patch: Pick<JudgeConfig, 'system_prompt' | 'evaluation_criteria'>) => void;
}

/** The prompt and criteria an optimisation proposes; the current prompt is kept when the new one lost its placeholder. */
export function optimizedPatch(reply: OptimizedPrompt, config: JudgeConfig): Pick<JudgeConfig, 'system_prompt' | 'evaluation_criteria'> {
  return {
    system_prompt: reply.optimized_prompt.includes(CRITERIA_PLACEHOLDER) ? reply.optimized_prompt : config.system_prompt,
    evaluation_criteria: reply.evaluation_criteria,
  };
}

/** Why the judge disagrees with the humans, and a better prompt to try. */
export function InsightsTab({ results, config, running, onApply }: InsightsTabProps) {
  const analyze = useMutation({ mutationFn: () => analyzeMisalignment(results, config) });
  const optimize = useMutation({ mutationFn: () => optimizePrompt(results, config) });
  const a = analyze.data?.analysis;
  const o = optimize.data?.optimized;
  const patch = o ? optimizedPatch(o, config) : null;

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section className="space-y-3">
        <Button onClick={() => analyze.mutate()} disabled={analyze.isPending} data-testid="insights-analyze">
          {analyze.isPending ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden="true" /> : <Search className="h-4 w-4" aria-hidden="true" />}
          Analyze misalignment
        </Button>
        {analyze.isError ? <ErrorLine text={errorMessage(analyze.error)} testId="insights-analyze-error" /> : null}
        {a ? (
          <div className="space-y-3 text-sm" data-testid="insights-analysis">
            <p className="text-ink-secondary">
              {a.total_misaligned} misaligned: {a.false_positives} too lenient, {a.false_negatives} too strict.
            </p>
            <p className="text-ink">{a.summary}</p>
            {a.patterns.map((p, i) => (
              <div key={i} className="rounded-lg border-l-4 border-warning bg-white px-3 py-2 text-xs">
                <p className="font-semibold text-ink">
                  {p.pattern_type === 'false_positive' ? 'Too lenient' : 'Too strict'} · {p.count} record{p.count === 1 ? '' : 's'}
                </p>
                <p className="text-ink-secondary">{p.description}</p>
                {p.examples.length > 0 ? <p className="mt-1 font-mono text-[11px] text-ink-muted">{p.examples.join(', ')}</p> : null}
              </div>
            ))}
            {a.recommendations.length > 0 ? (
              <ul className="list-disc space-y-1 pl-5 text-xs text-ink-secondary">
                {a.recommendations.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </section>
      <section className="space-y-3">
        <Button onClick={() => optimize.mutate()} disabled={optimize.isPending} data-testid="insights-optimize">
          {optimize.isPending ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden="true" /> : <Sparkles className="h-4 w-4" aria-hidden="true" />}
          Optimize prompt
        </Button>
        {optimize.isError ? <ErrorLine text={errorMessage(optimize.error)} testId="insights-optimize-error" /> : null}
        {o && patch ? (
          <div className="space-y-3 text-sm" data-testid="insights-optimized">
            {o.expected_improvement ? <p className="text-ink-secondary">{o.expected_improvement}</p> : null}
            {o.suggestions.map((s, i) => (
              <div key={i} className="rounded-lg border px-3 py-2 text-xs">
                <p className="font-semibold text-ink">{s.aspect}</p>
                <p className="text-ink-secondary">{s.suggestion}</p>
                <p className="text-ink-muted">{s.rationale}</p>
              </div>
            ))}
            <PromptDiff
              before={judgeInstruction(config.system_prompt, config.evaluation_criteria)}
              after={judgeInstruction(patch.system_prompt, patch.evaluation_criteria)}
            />
            <Button variant="primary" disabled={running} onClick={() => onApply(patch)} data-testid="insights-apply">
              <RefreshCw className="h-4 w-4" aria-hidden="true" />
              Apply &amp; Re-run
            </Button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
