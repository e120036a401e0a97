import { AlertTriangle, Loader2, OctagonX } from 'lucide-react';
import type { AssistantMessage } from '../../lib/copilot/conversation';
import { Markdown } from '../Markdown';
import { ThoughtList } from './ThoughtList';

/** One copilot answer: its reasoning, the Markdown text, and any error, stop mark or token usage. */
export function AssistantTurn({ message }: { message: AssistantMessage }) {
  const streaming = message.status === 'streaming';
  const waiting = streaming && message.content === '' && message.thoughts.length === 0;
  return (
    <li className="space-y-2" data-testid="copilot-turn" data-status={message.status}>
      <ThoughtList thoughts={message.thoughts} streaming={streaming} />
      {waiting ? (
        <p className="flex items-center gap-2 text-xs text-ink-muted" role="status">
          <Loader2 className="h-3.5 w-3.5 animate-spin text-primary" aria-hidden="true" />
          Thinking…
        </p>
      ) : null}
      {message.content !== '' ? (
        <div className="rounded-2xl rounded-bl-sm bg-white px-4 py-3 ring-1 ring-line">
          <Markdown text={message.content} testId="copilot-answer" />
        </div>
      ) : null}
      {message.error ? (
        <div className="flex items-start gap-2 rounded-2xl border border-error/30 bg-error/5 px-4 py-2.5 text-sm text-error" role="alert" data-testid="copilot-error">
          <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden="true" />
          <span className="min-w-0 break-words">{message.error}</span>
        </div>
      ) : null}
      {message.status === 'stopped' ? (
        <p className="flex items-center gap-1 text-[11px] font-medium text-ink-muted" data-testid="copilot-stopped">
          <OctagonX className="h-3 w-3" aria-hidden="true" />
          Stopped
        </p>
      ) : null}
      {message.usage ? (
        <p className="text-[11px] text-ink-muted" data-testid="copilot-usage">
          {message.usage.prompt_tokens.toLocaleString('en-US')} prompt + {message.usage.completion_tokens.toLocaleString('en-US')} completion tokens
        </p>
      ) : null}
    </li>
  );
}
