import { AlertTriangle, Pencil, Trash2 } from 'lucide-react';
import { Fragment } from 'react';
import { EmptyTableRow } from '../EmptyTableRow';
import { ExpandToggle } from '../ExpandToggle';
import { SortButton } from '../SortButton';
import { cn } from '../../lib/cn';
import { isConflicting, thresholdText, type RuleSortKey, type SortDir } from '../../lib/memory/rules';
import type { MemoryRule } from '../../lib/memory/types';
import { ActionChip } from './ActionChip';
import { DecisionPath } from './DecisionPath';

const COLUMNS: Array<{ key: RuleSortKey; label: string }> = [
  { key: 'name', label: 'Rule' },
  { key: 'group_by', label: 'Risk factor' },
  { key: 'action', label: 'Action' },
  { key: 'product', label: 'Product' },
  { key: 'threshold_type', label: 'Threshold' },
  { key: 'status', label: 'Status' },
  { key: 'batch', label: 'Batch' },
];

interface RulesTableProps {
  rules: MemoryRule[];
  sort: { key: RuleSortKey; dir: SortDir };
  onSort: (key: RuleSortKey) => void;
  expanded: string | null;
  onExpand: (id: string | null) => void;
  conflicts: Set<string>;
  actionColors: Record<string, string>;
  onEdit: (rule: MemoryRule) => void;
  onDelete: (rule: MemoryRule) => void;
}

/** One page of rules; a conflicting rule is tinted and flagged; a row opens to its decision path. */
export function RulesTable({ rules, sort, onSort, expanded, onExpand, conflicts, actionColors, onEdit, onDelete }: RulesTableProps) {
  return (
    <div className="overflow-x-auto rounded-xl border bg-white">
      <table className="w-full text-left text-sm" data-testid="rules-table">
        <thead className="border-b bg-canvas text-[11px] font-semibold text-ink-muted">
          <tr>
            <th className="w-8 px-3 py-2">
              <span className="sr-only">Details</span>
            </th>
            {COLUMNS.map((c) => (
              <th key={c.key} className="px-3 py-2">
                <SortButton label={c.label} dir={sort.key === c.key ? sort.dir : null} onClick={() => onSort(c.key)} testId={`rules-sort-${c.key}`} />
              </th>
            ))}
            <th className="px-3 py-2 text-right uppercase">Edit</th>
          </tr>
        </thead>
        <tbody>
          {rules.length === 0 ? <EmptyTableRow colSpan={COLUMNS.length + 2}>No rules match these filters.</EmptyTableRow> : null}
          {rules.map((rule) => {
            const conflict = isConflicting(conflicts, rule);
            const open = expanded === rule.id;
            return (
              <Fragment key={rule.id}>
                <tr className={cn('border-b last:border-0', conflict && 'bg-warning/10')} data-testid={`rule-row-${rule.id}`} data-conflict={conflict ? 'true' : 'false'}>
                  <td className="px-3 py-2">
                    <ExpandToggle expanded={open} what={`the decision path of ${rule.name}`} onToggle={() => onExpand(open ? null : rule.id)} testId={`rule-expand-${rule.id}`} />
                  </td>
                  <td className="px-3 py-2 font-medium text-ink">
                    <span className="flex items-center gap-1.5">
                      {conflict ? <AlertTriangle className="h-3.5 w-3.5 shrink-0 text-warning" aria-label="In conflict" /> : null}
                      {rule.name}
                    </span>
                  </td>
                  <td className="px-3 py-2 text-ink-secondary">{rule.group_by || '—'}</td>
                  <td className="px-3 py-2">
                    <ActionChip action={rule.action} color={actionColors[rule.action]} />
                  </td>
                  <td className="px-3 py-2 text-ink-secondary">{rule.product || '—'}</td>
                  <td className="px-3 py-2 text-ink-secondary">{thresholdText(rule) || '—'}</td>
                  <td className="px-3 py-2 text-ink-secondary">{rule.status || '—'}</td>
                  <td className="px-3 py-2 font-mono text-xs text-ink-secondary">{rule.batch || '—'}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-right">
                    <button type="button" className="rounded p-1 text-ink-muted hover:text-primary" onClick={() => onEdit(rule)} aria-label={`Edit ${rule.name}`} data-testid={`rule-edit-${rule.id}`}>
                      <Pencil className="h-4 w-4" aria-hidden="true" />
                    </button>
                    <button type="button" className="rounded p-1 text-ink-muted hover:text-error" onClick={() => onDelete(rule)} aria-label={`Delete ${rule.name}`} data-testid={`rule-delete-${rule.id}`}>
                      <Trash2 className="h-4 w-4" aria-hidden="true" />
                    </button>
                  </td>
                </tr>
                {open ? (
                  <tr className="border-b bg-canvas">
                    <td colSpan={COLUMNS.length + 2} className="px-5 py-4">
                      <DecisionPath ruleId={rule.id} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
