import { lineDiff } from '../../lib/align/stats';
import { cn } from '../../lib/cn';

const MARK = { same: ' ', added: '+', removed: '−' } as const;
const LABEL = { same: 'unchanged', added: 'added', removed: 'removed' } as const;

/** Two prompts as a line diff: removed lines red with −, added lines green with +. */
export function PromptDiff({ before, after }: { before: string; after: string }) {
  const lines = lineDiff(before, after);
  return (
    <pre className="max-h-96 overflow-auto rounded-lg border bg-canvas p-3 font-mono text-[11px] leading-relaxed" tabIndex={0} role="region" aria-label="Prompt changes" data-testid="prompt-diff">
      {lines.map((l, i) => (
        <div
          key={i}
          data-kind={l.kind}
          title={LABEL[l.kind]}
          className={cn('whitespace-pre-wrap px-1', l.kind === 'added' && 'bg-success/15 text-ink', l.kind === 'removed' && 'bg-error/10 text-error line-through decoration-error/40')}
        >
          <span aria-hidden="true">{MARK[l.kind]} </span>
          <span className="sr-only">{l.kind === 'same' ? '' : `${LABEL[l.kind]}: `}</span>
          {l.text}
        </div>
      ))}
    </pre>
  );
}
