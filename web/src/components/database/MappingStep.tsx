import { Eye } from 'lucide-react';
import type { QueryLike } from '../QueryView';
import { QueryView } from '../QueryView';
import type { DbColumn, DbFilter, TableRef } from '../../lib/database/types';
import { columnChoice, tableId, type ColumnChoice } from '../../lib/database/wizard';
import { cellText, truncate } from '../../lib/evaluate/format';
import { Button } from '../Button';
import { FilterEditor } from './FilterEditor';
import { INPUT_CLASS } from './Field';

interface MappingStepProps {
  handle: string;
  table: TableRef;
  schema: QueryLike & { data?: { columns?: DbColumn[]; sample_values?: Record<string, unknown[]> } };
  choices: Record<string, ColumnChoice>;
  renameMap: Record<string, string> | undefined;
  onChoice: (column: string, choice: ColumnChoice) => void;
  filters: DbFilter[];
  onFilters: (filters: DbFilter[]) => void;
  filterLabels: Array<{ column: string; label: string }>;
  included: number;
  onPreview: () => void;
}

const SAMPLES = 3;

/** Step 3 (table mode): which columns to import under which names, and the rows to keep. */
export function MappingStep({ handle, table, schema, choices, renameMap, onChoice, filters, onFilters, filterLabels, included, onPreview }: MappingStepProps) {
  const columns = schema.data?.columns ?? [];
  const samples = schema.data?.sample_values ?? {};
  return (
    <QueryView query={schema} loadingLabel={`Reading the columns of ${tableId(table)}…`} empty={columns.length === 0} emptyText="This table has no columns.">
      <div className="space-y-5">
        <div className="overflow-x-auto rounded-lg border">
          <table className="min-w-full text-left text-xs" data-testid="db-mapping">
            <thead className="bg-canvas text-[11px] uppercase tracking-wide text-ink-muted">
              <tr>
                <th className="px-3 py-2 font-semibold">Import</th>
                <th className="px-3 py-2 font-semibold">Column</th>
                <th className="px-3 py-2 font-semibold">Store as</th>
                <th className="px-3 py-2 font-semibold">Sample values</th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {columns.map((c) => {
                const choice = columnChoice(c.name, choices, renameMap);
                const shown = (samples[c.name] ?? []).slice(0, SAMPLES).map((v) => truncate(cellText(v), 24));
                return (
                  <tr key={c.name}>
                    <td className="px-3 py-1.5">
                      <input
                        type="checkbox"
                        checked={choice.include}
                        onChange={(e) => onChoice(c.name, { ...choice, include: e.target.checked })}
                        aria-label={`Import ${c.name}`}
                        className="accent-[rgb(var(--primary-rgb))]"
                        data-testid={`db-column-include-${c.name}`}
                      />
                    </td>
                    <td className="whitespace-nowrap px-3 py-1.5">
                      <span className="font-mono text-ink">{c.name}</span>
                      {c.data_type ? <span className="ml-1.5 text-ink-muted">{c.data_type}</span> : null}
                    </td>
                    <td className="px-3 py-1.5">
                      <input
                        value={choice.target}
                        onChange={(e) => onChoice(c.name, { ...choice, target: e.target.value })}
                        disabled={!choice.include}
                        aria-label={`Store ${c.name} as`}
                        className={`${INPUT_CLASS} min-w-[9rem] py-1 font-mono text-xs disabled:opacity-50`}
                        data-testid={`db-column-target-${c.name}`}
                      />
                    </td>
                    <td className="max-w-[16rem] truncate px-3 py-1.5 text-ink-muted" title={shown.join(', ')}>
                      {shown.length > 0 ? shown.join(', ') : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <FilterEditor handle={handle} table={table} columns={columns.map((c) => c.name)} labels={filterLabels} filters={filters} onChange={onFilters} />
        <div className="flex items-center justify-end gap-3">
          {included === 0 ? <span className="text-xs text-warning">Choose at least one column to import.</span> : null}
          <Button variant="primary" onClick={onPreview} disabled={included === 0} data-testid="db-preview-button">
            <Eye className="h-4 w-4" aria-hidden="true" />
            Preview
          </Button>
        </div>
      </div>
    </QueryView>
  );
}
