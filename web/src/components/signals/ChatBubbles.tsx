import { cn } from '../../lib/cn';
import type { ChatMessage } from '../../lib/signals/cases';

/** A conversation as chat bubbles: the user's on the right in the primary colour, the rest on the left. */
export function ChatBubbles({ messages }: { messages: readonly ChatMessage[] }) {
  if (messages.length === 0) return <p className="text-sm text-ink-muted">No conversation recorded.</p>;
  return (
    <ol className="space-y-3" data-testid="case-conversation">
      {messages.map((m, i) => {
        const user = m.role === 'user' || m.role === 'human';
        return (
          <li key={i} className={cn('flex', user ? 'justify-end' : 'justify-start')} data-testid="chat-message" data-role={m.role}>
            <div className={cn('max-w-[80%] rounded-2xl px-4 py-2.5 text-sm', user ? 'rounded-br-sm bg-primary text-white' : 'rounded-bl-sm bg-canvas text-ink ring-1 ring-line')}>
              <p className={cn('mb-0.5 text-[10px] font-semibold uppercase tracking-wide', user ? 'text-white/90' : 'text-ink-muted')}>{m.role}</p>
              <p className="whitespace-pre-wrap break-words">{m.content}</p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
