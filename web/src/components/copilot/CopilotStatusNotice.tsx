import { AlertTriangle } from 'lucide-react';
import type { AiStatus } from '../../lib/copilot/types';
import { errorMessage } from '../evaluate/StateViews';
import { NoLlmNotice } from '../NoLlmNotice';

interface CopilotStatusNoticeProps {
  status: AiStatus | undefined;
  error: unknown;
  onRetry: () => void;
}

/** Why the copilot cannot answer: no LLM provider on the server, or the AI service is unreachable. */
export function CopilotStatusNotice({ status, error, onRetry }: CopilotStatusNoticeProps) {
  if (error) {
    return (
      <div className="mx-5 mt-4 flex items-start gap-2 rounded-xl border border-error/30 bg-error/5 px-3.5 py-3 text-xs text-error" role="alert" data-testid="copilot-status-error">
        <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden="true" />
        <div className="min-w-0 flex-1">
          <p className="font-semibold">The AI service could not be reached.</p>
          <p className="mt-0.5 break-words">{errorMessage(error)}</p>
        </div>
        <button type="button" onClick={onRetry} className="rounded-md border bg-white px-2 py-1 font-medium text-ink-secondary hover:text-primary">
          Retry
        </button>
      </div>
    );
  }
  if (status && !status.configured) return <NoLlmNotice className="mx-5 mt-4" testId="copilot-not-configured" />;
  return null;
}
