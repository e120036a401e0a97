import { ExternalLink } from 'lucide-react';
import type { ReactNode } from 'react';
import { cellText, formatDateTime } from '../../lib/evaluate/format';
import { conversationOf } from '../../lib/signals/cases';
import type { MetricSchema, SignalsCase } from '../../lib/signals/types';
import { Modal } from '../Modal';
import { CaseSignals } from './CaseSignals';
import { ChatBubbles } from './ChatBubbles';

interface CaseDetailProps {
  c: SignalsCase | null;
  schema: MetricSchema | undefined;
  onClose: () => void;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-ink-muted">{title}</h3>
      {children}
    </section>
  );
}

/** One case: source badges, a link to the thread, metadata, the signals per metric and the conversation. */
export function CaseDetail({ c, schema, onClose }: CaseDetailProps) {
  const sources = (schema?.source_fields ?? ['source_name']).map((f) => c?.[f]).filter((v) => v !== null && v !== undefined && v !== '');
  const meta: Array<[string, unknown]> = c
    ? [
        ['Business', c.Business],
        ['Agent', c.Agent_Name],
        ['Messages', c.Message_Count],
        ['Time', typeof c.Timestamp === 'string' ? formatDateTime(c.Timestamp) : c.Timestamp],
      ]
    : [];
  const link = typeof c?.Slack_URL === 'string' && /^https?:\/\//.test(c.Slack_URL) ? c.Slack_URL : null;
  return (
    <Modal open={c !== null} title={`Case ${cellText(c?.Case_ID)}`} onClose={onClose} className="max-w-4xl" testId="case-detail">
      {c ? (
        <div className="max-h-[70vh] space-y-5 overflow-y-auto pr-1">
          <div className="flex flex-wrap items-center gap-2">
            {sources.map((s) => (
              <span key={cellText(s)} className="rounded-full bg-primary-pale/60 px-2.5 py-0.5 text-xs font-semibold text-primary-dark">
                {cellText(s)}
              </span>
            ))}
            {link ? (
              <a href={link} target="_blank" rel="noreferrer" className="ml-auto flex items-center gap-1 text-xs font-medium text-primary hover:underline">
                Open thread <ExternalLink className="h-3 w-3" aria-hidden="true" />
              </a>
            ) : null}
          </div>
          <dl className="grid grid-cols-2 gap-3 text-sm md:grid-cols-4" data-testid="case-metadata">
            {meta.map(([label, value]) => (
              <div key={label}>
                <dt className="text-[11px] text-ink-muted">{label}</dt>
                <dd className="truncate text-ink">{cellText(value) || '—'}</dd>
              </div>
            ))}
          </dl>
          <Section title="Signals">
            <CaseSignals c={c} schema={schema} />
          </Section>
          <Section title="Conversation">
            <ChatBubbles messages={conversationOf(c)} />
          </Section>
        </div>
      ) : null}
    </Modal>
  );
}
