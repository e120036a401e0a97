import { useEffect, useRef, type ReactNode } from 'react';
import type { CopilotMessage } from '../../lib/copilot/conversation';
import { AssistantTurn } from './AssistantTurn';

/** The conversation, kept scrolled to the newest text; `empty` is shown before the first question. */
export function CopilotMessages({ messages, empty }: { messages: CopilotMessage[]; empty: ReactNode }) {
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages]);

  return (
    <div ref={scroller} className="flex-1 overflow-y-auto px-5 py-4" data-testid="copilot-messages">
      {messages.length === 0 ? (
        empty
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
