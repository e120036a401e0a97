import { Search } from 'lucide-react';
import type { TestCasesView } from '../../lib/evaluate/api';
import { Segmented } from '../Segmented';
import { SelectField } from '../SelectField';

export const QUICK_FILTERS: Array<{ value: TestCasesView; label: string; title: string }> = [
  { value: 'all', label: 'All', title: 'Every case' },
  { value: 'top', label: 'Top 20%', title: 'The fifth of cases (rounded up) with the highest mean score across experiments' },
  { value: 'bottom', label: 'Bottom 20%', title: 'The fifth of cases (rounded up) with the lowest mean score across experiments' },
  { value: 'high_variance', label: 'High Variance', title: 'The fifth of cases (rounded up) whose scores differ most between experiments' },
  { value: 'diff', label: 'Show Diff', title: 'Cases whose scores differ between experiments' },
];

export type TableLayout = 'side' | 'classic';
const LAYOUTS: Array<{ value: TableLayout; label: string }> = [
  { value: 'side', label: 'Side by side' },
  { value: 'classic', label: 'Classic' },
];

export const PAGE_SIZES = [10, 25, 50];
/** The most fields the server shows at once. */
export const MAX_FIELDS = 3;

export interface ToolbarState {
  view: TestCasesView;
  layout: TableLayout;
  metric: string | null;
  fields: string[];
  pageSize: number;
  search: string;
}

interface TestCasesToolbarProps {
  state: ToolbarState;
  metrics: string[];
  fieldOptions: string[];
  onChange: (change: Partial<ToolbarState>) => void;
  /** The Export CSV control (it runs its own request). */
  exportButton: React.ReactNode;
}

/** Search, quick filters, table layout, metric and field pickers, page size and export of the Test Cases list; every choice is applied by the server. */
export function TestCasesToolbar({ state, metrics, fieldOptions, onChange, exportButton }: TestCasesToolbarProps) {
  const toggleField = (name: string, on: boolean) => onChange({ fields: on ? [...state.fields, name] : state.fields.filter((f) => f !== name) });
  return (
    <div className="space-y-3 border-b px-5 py-3" data-testid="test-cases-toolbar">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Segmented label="Quick filter" options={QUICK_FILTERS} value={state.view} onChange={(view) => onChange({ view })} testIdPrefix="quick-filter" />
        <div className="flex flex-wrap items-center gap-3">
          <label className="relative">
            <span className="sr-only">Search test cases</span>
            <Search className="pointer-events-none absolute left-2.5 top-1/2 h-3.5 w-3.5 -translate-y-1/2 text-ink-muted" aria-hidden="true" />
            <input
              value={state.search}
              onChange={(e) => onChange({ search: e.target.value })}
              placeholder="Search query or ID"
              data-testid="test-cases-search"
              className="w-56 rounded-lg border bg-white py-1.5 pl-8 pr-2 text-xs focus:border-primary-soft focus:outline-none"
            />
          </label>
          {exportButton}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <Segmented label="Table layout" options={LAYOUTS} value={state.layout} onChange={(layout) => onChange({ layout })} testIdPrefix="table-layout" />
        <SelectField label="Score" value={state.metric ?? ''} options={metrics} emptyLabel="Overall" onChange={(v) => onChange({ metric: v || null })} testId="test-cases-metric" />
        <SelectField label="Rows" value={String(state.pageSize)} options={PAGE_SIZES.map(String)} onChange={(v) => onChange({ pageSize: Number(v) })} testId="test-cases-page-size" />
        {fieldOptions.length > 0 ? (
          <fieldset className="flex flex-wrap items-center gap-2 text-xs text-ink-muted" data-testid="test-cases-fields">
            <legend className="float-left mr-2 font-medium">Fields (up to {MAX_FIELDS})</legend>
            {fieldOptions.map((f) => {
              const on = state.fields.includes(f);
              return (
                <label key={f} className="flex items-center gap-1 text-ink">
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={!on && state.fields.length >= MAX_FIELDS}
                    onChange={(e) => toggleField(f, e.target.checked)}
                    data-testid={`test-cases-field-${f}`}
                  />
                  {f}
                </label>
              );
            })}
          </fieldset>
        ) : null}
      </div>
    </div>
  );
}
