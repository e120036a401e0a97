import { MessagesSquare } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { CopilotMessage } from '../../lib/copilot/conversation';
import { AssistantTurn } from './AssistantTurn';

/** The conversation, kept scrolled to the newest text. */
export function CopilotMessages({ messages }: { messages: CopilotMessage[] }) {
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages]);

  return (
    <div ref={scroller} className="flex-1 overflow-y-auto px-5 py-4" data-testid="copilot-messages">
      {messages.length === 0 ? (
        <div className="flex h-full flex-col items-center justify-center px-4 text-center text-ink-muted">
          <MessagesSquare className="h-8 w-8 text-primary-soft" aria-hidden="true" />
          <p className="mt-3 text-sm font-medium text-ink">Ask about your data</p>
          <p className="mt-1 text-xs">
            For example: which metrics fail most often, why scores dropped, or what the low-scoring cases have in common. You see each step of the
            copilot&apos;s reasoning as it works.
          </p>
        </div>
      ) : (
        <ol className="space-y-4">
          {messages.map((m) =>
            m.role === 'user' ? (
              <li key={m.id} className="flex justify-end" data-testid="copilot-question">
                <p className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-br-sm bg-primary px-4 py-2.5 text-sm text-white">{m.content}</p>
              </li>
            ) : (
              <AssistantTurn key={m.id} message={m} />
            ),
          )}
        </ol>
      )}
    </div>
  );
}
