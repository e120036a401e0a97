import { SendHorizontal, Square } from 'lucide-react';
import { useState, type KeyboardEvent } from 'react';
import { Button } from '../Button';

interface CopilotInputProps {
  disabled: boolean;
  streaming: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
}

/** The question box: Enter sends, Shift+Enter starts a new line; while an answer streams, Send becomes Stop. */
export function CopilotInput({ disabled, streaming, onSend, onStop }: CopilotInputProps) {
  const [text, setText] = useState('');
  const question = text.trim();

  const submit = () => {
    if (disabled || streaming || question === '') return;
    onSend(question);
    setText('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <form
      className="border-t px-5 py-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        disabled={disabled}
        rows={3}
        aria-label="Ask the copilot"
        placeholder="Ask about your data…"
        className="w-full resize-none rounded-xl border bg-white px-3 py-2 text-sm text-ink placeholder:text-ink-muted focus:border-primary-soft focus:outline-none disabled:cursor-not-allowed disabled:bg-canvas"
        data-testid="copilot-input"
      />
      <div className="mt-2 flex items-center justify-between gap-3">
        <p className="text-[11px] text-ink-muted">Enter to send, Shift+Enter for a new line</p>
        {streaming ? (
          <Button variant="danger" onClick={onStop} data-testid="copilot-stop">
            <Square className="h-3.5 w-3.5" aria-hidden="true" />
            Stop
          </Button>
        ) : (
          <Button type="submit" variant="primary" disabled={disabled || question === ''} data-testid="copilot-send">
            <SendHorizontal className="h-4 w-4" aria-hidden="true" />
            Send
          </Button>
        )}
      </div>
    </form>
  );
}
