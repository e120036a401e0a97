import { useId, useState } from 'react';
import { Button } from '../Button';
import { Modal } from '../Modal';
import { errorMessage } from '../evaluate/StateViews';
import { EMPTY_FORM, formOf, inputOf, missingFields, type RuleForm } from '../../lib/memory/rules';
import { useRuleChange } from '../../lib/memory/queries';
import type { MemoryRule } from '../../lib/memory/types';

interface RuleFormModalProps {
  /** The rule being edited; a new rule when null. */
  rule: MemoryRule | null;
  actions: string[];
  onClose: () => void;
}

const TEXT_FIELDS: Array<{ key: Exclude<keyof RuleForm, 'description' | 'mitigants'>; label: string }> = [
  { key: 'name', label: 'Name *' },
  { key: 'action', label: 'Action *' },
  { key: 'group_by', label: 'Risk factor' },
  { key: 'category', label: 'Risk category' },
  { key: 'product', label: 'Product' },
  { key: 'agent', label: 'Agent' },
  { key: 'threshold_type', label: 'Threshold type' },
  { key: 'threshold_value', label: 'Threshold value' },
];

const inputClass = 'w-full rounded-lg border bg-white px-3 py-2 text-sm text-ink focus:border-primary-soft focus:outline-none';

/** Adds a rule (POST /rules) or edits one (PUT /rules/{id}); the server sets id, batch and status of a new rule. */
export function RuleFormModal({ rule, actions, onClose }: RuleFormModalProps) {
  const [form, setForm] = useState<RuleForm>(rule ? formOf(rule) : EMPTY_FORM);
  const [tried, setTried] = useState(false);
  const change = useRuleChange();
  const listId = useId();
  const missing = missingFields(form);
  const set = (key: keyof RuleForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const save = () => {
    setTried(true);
    if (missing.length > 0) return;
    const body = inputOf(form);
    change.mutate(rule ? { kind: 'update', id: rule.id, rule: body } : { kind: 'create', rule: body }, { onSuccess: onClose });
  };

  return (
    <Modal
      open
      title={rule ? `Edit rule: ${rule.name}` : 'Add rule'}
      onClose={onClose}
      className="max-w-2xl"
      testId="rule-form"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={save} disabled={change.isPending} data-testid="rule-form-save">
            {change.isPending ? 'Saving…' : 'Save rule'}
          </Button>
        </>
      }
    >
      <div className="grid gap-3 sm:grid-cols-2">
        {TEXT_FIELDS.map(({ key, label }) => (
          <label key={key} className="text-xs font-medium text-ink-muted">
            {label}
            <input
              className={inputClass}
              value={form[key]}
              onChange={(e) => set(key)(e.target.value)}
              list={key === 'action' ? listId : undefined}
              data-testid={`rule-field-${key}`}
            />
          </label>
        ))}
        <datalist id={listId}>
          {actions.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <label className="text-xs font-medium text-ink-muted sm:col-span-2">
          Outcome description
          <textarea className={inputClass} rows={2} value={form.description} onChange={(e) => set('description')(e.target.value)} data-testid="rule-field-description" />
        </label>
        <label className="text-xs font-medium text-ink-muted sm:col-span-2">
          Mitigants (one per line)
          <textarea className={inputClass} rows={3} value={form.mitigants} onChange={(e) => set('mitigants')(e.target.value)} data-testid="rule-field-mitigants" />
        </label>
      </div>
      {tried && missing.length > 0 ? (
        <p className="mt-3 text-sm text-error" role="alert" data-testid="rule-form-missing">
          Required: {missing.join(', ')}
        </p>
      ) : null}
      {change.isError ? (
        <p className="mt-3 text-sm text-error" role="alert" data-testid="rule-form-error">
          {errorMessage(change.error)}
        </p>
      ) : null}
    </Modal>
  );
}
