import { thoughtLabel, type Thought } from '../lib/thoughts';

interface ThoughtRowProps {
  thought: Thought;
  testId?: string;
}

/** One reasoning step: a left border and dot in the step's colour, its type, skill and text. */
export function ThoughtRow({ thought, testId }: ThoughtRowProps) {
  return (
    <li className="border-l-2 pl-3" style={{ borderLeftColor: thought.color }} data-testid={testId} data-type={thought.type}>
      <div className="flex flex-wrap items-center gap-1.5 text-[11px] font-semibold">
        <span className="h-2 w-2 shrink-0 rounded-full" style={{ backgroundColor: thought.color }} aria-hidden="true" />
        <span style={{ color: thought.color }}>{thoughtLabel(thought.type)}</span>
        {thought.skill_name ? (
          <span className="rounded bg-white px-1.5 py-px font-mono text-[10px] font-normal text-ink-muted ring-1 ring-line" data-testid="thought-skill">
            {thought.skill_name}
          </span>
        ) : null}
      </div>
      <p className="mt-0.5 whitespace-pre-wrap break-words text-xs text-ink-secondary">{thought.content}</p>
    </li>
  );
}
