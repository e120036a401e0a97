import { ChevronLeft, ChevronRight, Pause, Play, RotateCcw } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { cn } from '../../lib/cn';
import { clampStep, findScenario, nextStep, SCENARIOS, STEP_MS, type Actor } from '../../lib/learn/walkthrough';
import { useSearchParam, useSearchWriter } from '../../lib/useSearchParam';
import { Button } from '../Button';

const ACTOR_LABEL: Record<Actor, string> = { user: 'Input', agent: 'Agent', tool: 'Tool', metric: 'Metric', judge: 'LLM judge' };
const ACTOR_CLASS: Record<Actor, string> = {
  user: 'bg-[#3B82F6]/10 text-[#1d4ed8]',
  agent: 'bg-primary/10 text-primary-dark',
  tool: 'bg-[#8B5CF6]/10 text-[#6d28d9]',
  metric: 'bg-success/10 text-[#1e7e47]',
  judge: 'bg-accent-gold/15 text-[#7a5f0c]',
};

/** Five scenarios, each played step by step (2 s a step) with play, pause, previous and next; the scenario and step are in the URL. */
export function Walkthrough() {
  const [params] = useSearchParams();
  const write = useSearchWriter();
  const scenarioId = params.get('scenario');
  const [stepParam, setStepParam] = useSearchParam('step');
  const scenario = findScenario(scenarioId);
  const count = scenario.steps.length;
  const step = clampStep(stepParam, count);
  const current = scenario.steps[step]!;
  const [playing, setPlaying] = useState(false);

  const go = (i: number) => setStepParam(i === 0 ? null : String(i));

  useEffect(() => {
    if (!playing) return undefined;
    const timer = setTimeout(() => {
      const next = nextStep(step, count);
      if (next === null) setPlaying(false);
      else go(next);
    }, STEP_MS);
    return () => clearTimeout(timer);
    // go only writes the URL; re-arming on each step is what advances playback.
  }, [playing, step, count]);

  const choose = (id: string) => {
    setPlaying(false);
    // One update for both values: two in a row would each start from the same URL.
    write((next) => {
      if (id === SCENARIOS[0]!.id) next.delete('scenario');
      else next.set('scenario', id);
      next.delete('step');
    });
  };

  const togglePlay = () => {
    if (!playing && nextStep(step, count) === null) go(0);
    setPlaying(!playing);
  };

  return (
    <section data-testid="walkthrough" data-scenario={scenario.id} data-step={step}>
      <div className="mb-4 flex flex-wrap gap-2" role="group" aria-label="Scenario">
        {SCENARIOS.map((s) => (
          <button
            key={s.id}
            type="button"
            aria-pressed={s.id === scenario.id}
            onClick={() => choose(s.id)}
            data-testid={`walkthrough-scenario-${s.id}`}
            className={cn(
              'rounded-full border px-3.5 py-1.5 text-sm font-medium transition focus:outline-none focus-visible:ring-2 focus-visible:ring-primary',
              s.id === scenario.id ? 'border-primary bg-primary text-white' : 'bg-white text-ink-secondary hover:border-primary-soft hover:text-primary',
            )}
          >
            {s.label}
          </button>
        ))}
      </div>
      <p className="mb-4 text-sm text-ink-secondary">{scenario.summary}</p>
      <ol className="mb-5 flex flex-wrap items-center gap-1.5" aria-label="Steps">
        {scenario.steps.map((s, i) => (
          <li key={s.title} className="flex items-center gap-1.5">
            <button
              type="button"
              onClick={() => {
                setPlaying(false);
                go(i);
              }}
              aria-current={i === step ? 'step' : undefined}
              data-testid={`walkthrough-step-${i}`}
              className={cn(
                'rounded-lg px-2.5 py-1 text-xs font-medium transition focus:outline-none focus-visible:ring-2 focus-visible:ring-primary',
                i === step ? 'bg-primary text-white' : i < step ? 'bg-primary-pale/60 text-primary-dark' : 'bg-canvas text-ink-muted ring-1 ring-line',
              )}
            >
              {i + 1}. {s.title}
            </button>
            {i < count - 1 ? <ChevronRight className="h-3.5 w-3.5 text-ink-muted" aria-hidden="true" /> : null}
          </li>
        ))}
      </ol>
      <article className="rounded-xl border bg-white p-5 shadow-card" aria-live="polite" data-testid="walkthrough-detail">
        <div className="flex flex-wrap items-center gap-2">
          <span className={cn('rounded-full px-2 py-0.5 text-[11px] font-semibold uppercase tracking-wide', ACTOR_CLASS[current.actor])}>{ACTOR_LABEL[current.actor]}</span>
          <h2 className="text-base font-semibold text-ink" data-testid="walkthrough-title">
            {current.title}
          </h2>
          <span className="ml-auto text-xs text-ink-muted" data-testid="walkthrough-position">
            Step {step + 1} of {count}
          </span>
        </div>
        <p className="mt-2 text-sm leading-relaxed text-ink-secondary">{current.detail}</p>
        <dl className="mt-4 grid gap-x-4 gap-y-1.5 rounded-lg bg-canvas/70 px-4 py-3 text-sm sm:grid-cols-[max-content_1fr]" data-testid="walkthrough-data">
          {Object.entries(current.data).map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-mono text-xs text-ink-muted">{k}</dt>
              <dd className="break-words font-mono text-xs text-ink">{v}</dd>
            </div>
          ))}
        </dl>
      </article>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <Button onClick={() => { setPlaying(false); go(0); }} aria-label="Restart" data-testid="walkthrough-restart">
          <RotateCcw className="h-4 w-4" aria-hidden="true" />
        </Button>
        <Button onClick={() => { setPlaying(false); go(Math.max(0, step - 1)); }} disabled={step === 0} aria-label="Previous step" data-testid="walkthrough-prev">
          <ChevronLeft className="h-4 w-4" aria-hidden="true" />
        </Button>
        <Button variant="primary" onClick={togglePlay} data-testid="walkthrough-play" aria-pressed={playing}>
          {playing ? <Pause className="h-4 w-4" aria-hidden="true" /> : <Play className="h-4 w-4" aria-hidden="true" />}
          {playing ? 'Pause' : 'Play'}
        </Button>
        <Button onClick={() => { setPlaying(false); go(Math.min(count - 1, step + 1)); }} disabled={step === count - 1} aria-label="Next step" data-testid="walkthrough-next">
          <ChevronRight className="h-4 w-4" aria-hidden="true" />
        </Button>
        <span className="text-xs text-ink-muted">{STEP_MS / 1000} s per step</span>
      </div>
    </section>
  );
}
