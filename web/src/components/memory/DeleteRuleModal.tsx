import { Button } from '../Button';
import { Modal } from '../Modal';
import { errorMessage } from '../evaluate/StateViews';
import { useRuleChange } from '../../lib/memory/queries';
import type { MemoryRule } from '../../lib/memory/types';

/** Asks before DELETE /rules/{id}. */
export function DeleteRuleModal({ rule, onClose }: { rule: MemoryRule; onClose: () => void }) {
  const change = useRuleChange();
  return (
    <Modal
      open
      title="Delete rule"
      onClose={onClose}
      testId="rule-delete"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="danger"
            disabled={change.isPending}
            onClick={() => change.mutate({ kind: 'delete', id: rule.id }, { onSuccess: onClose })}
            data-testid="rule-delete-confirm"
          >
            Delete
          </Button>
        </>
      }
    >
      <p className="text-sm text-ink-secondary">
        Delete <span className="font-semibold text-ink">{rule.name}</span>? The rule is removed from memory until the next upload.
      </p>
      {change.isError ? (
        <p className="mt-3 text-sm text-error" role="alert">
          {errorMessage(change.error)}
        </p>
      ) : null}
    </Modal>
  );
}
