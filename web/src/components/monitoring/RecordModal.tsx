import { cellText } from '../../lib/evaluate/format';
import type { Row } from '../../lib/evaluate/types';
import { Modal } from '../Modal';

/** Every field of one monitoring record, long text wrapped. */
export function RecordModal({ row, title, onClose }: { row: Row | null; title: string; onClose: () => void }) {
  return (
    <Modal open={row !== null} title={title} onClose={onClose} className="max-w-3xl" testId="record-modal">
      <dl className="max-h-[65vh] space-y-2 overflow-y-auto text-sm">
        {Object.entries(row ?? {}).map(([key, value]) => (
          <div key={key} className="grid grid-cols-[10rem_1fr] gap-3">
            <dt className="truncate font-mono text-xs text-ink-muted">{key}</dt>
            <dd className="whitespace-pre-wrap break-words text-ink-secondary">{cellText(value) || '—'}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
