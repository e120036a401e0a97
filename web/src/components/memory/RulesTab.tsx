import { Plus } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button } from '../Button';
import { SelectField } from '../SelectField';
import { Pagination } from '../evaluate/Pagination';
import { ErrorBlock, LoadingBlock } from '../evaluate/StateViews';
import { useRules } from '../../lib/memory/queries';
import { pageOf, RULE_FILTERS, RULES_PAGE_SIZE, rulesOfAgent, sortRules, type RuleSortKey, type SortDir } from '../../lib/memory/rules';
import type { MemoryRule } from '../../lib/memory/types';
import { DeleteRuleModal } from './DeleteRuleModal';
import { RuleFormModal } from './RuleFormModal';
import { RulesTable } from './RulesTable';

interface RulesTabProps {
  agent: string;
  conflicts: Set<string>;
  actionColors: Record<string, string>;
}

type Editing = { rule: MemoryRule | null } | null;

/** Server-side filters, client-side agent filter, sorting and paging, and the add/edit/delete forms. */
export function RulesTab({ agent, conflicts, actionColors }: RulesTabProps) {
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [sort, setSort] = useState<{ key: RuleSortKey; dir: SortDir }>({ key: 'name', dir: 'asc' });
  const [page, setPage] = useState(1);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<MemoryRule | null>(null);
  const rules = useRules(filters);
  const available = rules.data?.filters_available ?? {};
  const shown = useMemo(() => sortRules(rulesOfAgent(rules.data?.data ?? [], agent), sort.key, sort.dir), [rules.data, agent, sort]);
  const pages = Math.max(1, Math.ceil(shown.length / RULES_PAGE_SIZE));
  const current = Math.min(page, pages);

  const setFilter = (role: string, value: string) => {
    setFilters((f) => ({ ...f, [role]: value }));
    setPage(1);
  };
  const onSort = (key: RuleSortKey) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }));

  return (
    <div className="space-y-4" data-testid="rules-tab">
      <div className="flex flex-wrap items-center gap-3 rounded-xl border bg-white p-3">
        {RULE_FILTERS.map(({ role, label }) => (
          <SelectField key={role} label={label} value={filters[role] ?? ''} options={available[role] ?? []} onChange={(v) => setFilter(role, v)} emptyLabel="All" testId={`rules-filter-${role}`} />
        ))}
        <div className="ml-auto flex items-center gap-3">
          <span className="text-xs text-ink-muted" data-testid="rules-count">
            {shown.length.toLocaleString('en-US')} {shown.length === 1 ? 'rule' : 'rules'}
          </span>
          <Button variant="primary" onClick={() => setEditing({ rule: null })} data-testid="rule-add">
            <Plus className="h-4 w-4" aria-hidden="true" />
            Add rule
          </Button>
        </div>
      </div>
      {rules.isPending ? <LoadingBlock /> : null}
      {rules.isError ? <ErrorBlock error={rules.error} title="The rules could not be loaded" onRetry={() => void rules.refetch()} /> : null}
      {rules.data ? (
        <>
          <RulesTable
            rules={pageOf(shown, current, RULES_PAGE_SIZE)}
            sort={sort}
            onSort={onSort}
            expanded={expanded}
            onExpand={setExpanded}
            conflicts={conflicts}
            actionColors={actionColors}
            onEdit={(rule) => setEditing({ rule })}
            onDelete={setDeleting}
          />
          <Pagination page={current} pageSize={RULES_PAGE_SIZE} total={shown.length} onPage={setPage} testId="rules-pagination" />
        </>
      ) : null}
      {editing ? <RuleFormModal rule={editing.rule} actions={available.action ?? []} onClose={() => setEditing(null)} /> : null}
      {deleting ? <DeleteRuleModal rule={deleting} onClose={() => setDeleting(null)} /> : null}
    </div>
  );
}
