import { useState } from 'react';
import type { CaliberColumns } from '../../lib/align/columns';
import { Button } from '../Button';
import { Modal } from '../Modal';
import { SelectField } from '../SelectField';

interface ConfigureModalProps {
  open: boolean;
  columns: string[];
  value: CaliberColumns;
  onClose: () => void;
  onSave: (value: CaliberColumns) => void;
}

const ROLES: Array<{ key: 'id' | 'query' | 'response' | 'expected'; label: string }> = [
  { key: 'id', label: 'ID column' },
  { key: 'query', label: 'Query column' },
  { key: 'response', label: 'Response (LLM output) column' },
  { key: 'expected', label: 'Expected output column' },
];

/** Which columns are the id, the query, the response to judge and the expected output; which others the card shows. */
export function ConfigureModal({ open, columns, value, onClose, onSave }: ConfigureModalProps) {
  const [draft, setDraft] = useState(value);
  const roleColumns = new Set([draft.id, draft.query, draft.response, draft.expected]);
  return (
    <Modal
      open={open}
      title="Configure columns"
      onClose={onClose}
      testId="caliber-configure"
      footer={
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={() => onSave(draft)} data-testid="configure-save">
            Apply
          </Button>
        </div>
      }
    >
      <div className="space-y-3">
        {ROLES.map((r) => (
          <SelectField
            key={r.key}
            label={r.label}
            value={draft[r.key]}
            options={columns}
            emptyLabel={r.key === 'id' ? '— position in the file —' : '— none —'}
            onChange={(c) => setDraft((d) => ({ ...d, [r.key]: c }))}
            testId={`configure-${r.key}`}
          />
        ))}
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-ink-muted">Also show on the card</legend>
          <div className="flex flex-wrap gap-3">
            {columns
              .filter((c) => !roleColumns.has(c))
              .map((c) => (
                <label key={c} className="flex items-center gap-1.5 text-sm text-ink-secondary">
                  <input
                    type="checkbox"
                    checked={draft.display.includes(c)}
                    onChange={(e) => setDraft((d) => ({ ...d, display: e.target.checked ? [...d.display, c] : d.display.filter((x) => x !== c) }))}
                    data-testid={`configure-display-${c}`}
                  />
                  {c}
                </label>
              ))}
          </div>
        </fieldset>
      </div>
    </Modal>
  );
}
