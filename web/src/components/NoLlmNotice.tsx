import { KeyRound } from 'lucide-react';
import { cn } from '../lib/cn';

interface NoLlmNoticeProps {
  className?: string;
  testId?: string;
}

/** Says that AI features need an LLM provider key on the server. */
export function NoLlmNotice({ className, testId }: NoLlmNoticeProps) {
  return (
    <div className={cn('flex items-start gap-2 rounded-xl border border-warning/40 bg-warning/10 px-3.5 py-3 text-xs text-ink-secondary', className)} role="status" data-testid={testId}>
      <KeyRound className="mt-0.5 h-4 w-4 shrink-0 text-warning" aria-hidden="true" />
      <p>
        No LLM provider is configured: set <code className="font-semibold">OPENAI_API_KEY</code> or <code className="font-semibold">ANTHROPIC_API_KEY</code> on the server.
      </p>
    </div>
  );
}
