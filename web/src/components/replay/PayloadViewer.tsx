import { Scissors } from 'lucide-react';
import { ChatBubbles } from '../signals/ChatBubbles';
import { chatOf, payloadText, sectionsOf } from '../../lib/replay/tree';

function Plain({ value }: { value: unknown }) {
  const chat = chatOf(value);
  if (chat) return <ChatBubbles messages={chat} />;
  const text = payloadText(value);
  if (text === '') return <p className="text-xs text-ink-muted">Empty.</p>;
  return <pre className="max-h-96 overflow-auto whitespace-pre-wrap break-words rounded-lg bg-canvas p-3 font-mono text-xs text-ink">{text}</pre>;
}

interface PayloadViewerProps {
  title: string;
  value: unknown;
  truncated?: boolean;
  /** Show a plain object's members as sections (the output pane). */
  sections?: boolean;
  testId: string;
}

/** An observation's input or output: a conversation as chat bubbles, an object as sections, else text. */
export function PayloadViewer({ title, value, truncated = false, sections = false, testId }: PayloadViewerProps) {
  const parts = sections && !chatOf(value) ? sectionsOf(value) : null;
  return (
    <section className="rounded-xl border bg-white" data-testid={testId}>
      <div className="flex items-center justify-between border-b px-4 py-2">
        <h4 className="text-xs font-semibold uppercase tracking-wide text-ink-muted">{title}</h4>
        {truncated ? (
          <span className="flex items-center gap-1 rounded-full bg-warning/15 px-2 py-0.5 text-[11px] font-medium text-[#9C640C]" data-testid={`${testId}-truncated`}>
            <Scissors className="h-3 w-3" aria-hidden="true" />
            Truncated
          </span>
        ) : null}
      </div>
      <div className="space-y-3 p-4">
        {parts ? (
          parts.map(([key, v]) => (
            <div key={key} data-testid={`${testId}-section`}>
              <p className="mb-1 text-xs font-semibold text-ink-secondary">{key}</p>
              <Plain value={v} />
            </div>
          ))
        ) : (
          <Plain value={value} />
        )}
      </div>
    </section>
  );
}
