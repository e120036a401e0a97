import { Download } from 'lucide-react';
import { Fragment, useState } from 'react';
import type { AlignmentResult } from '../../lib/align/types';
import { downloadText, safeFilename } from '../../lib/download';
import { Button } from '../Button';
import { EmptyTableRow } from '../EmptyTableRow';
import { ExpandToggle } from '../ExpandToggle';
import { Segmented } from '../Segmented';
import { StatusBadge } from '../StatusBadge';

type Filter = 'all' | 'aligned' | 'misaligned';

const verdict = (score: number) => (score === 1 ? 'Accept' : 'Reject');

/** Human label against the judge's, per record, with the judge's reasoning on demand. */
export function ComparisonTab({ results }: { results: AlignmentResult[] }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [open, setOpen] = useState<string | null>(null);
  const aligned = results.filter((r) => r.is_aligned).length;
  const shown = results.filter((r) => filter === 'all' || (filter === 'aligned') === r.is_aligned);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Segmented
          label="Show records"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: `All (${results.length})` },
            { value: 'aligned', label: `Aligned (${aligned})` },
            { value: 'misaligned', label: `Misaligned (${results.length - aligned})` },
          ]}
          testIdPrefix="comparison-filter"
        />
        <Button onClick={() => downloadText(safeFilename(['judge-comparison'], 'json'), JSON.stringify(results, null, 2), 'application/json')} data-testid="comparison-export">
          <Download className="h-4 w-4" aria-hidden="true" />
          Export JSON
        </Button>
      </div>
      <div className="overflow-auto rounded-lg border">
        <table className="min-w-full text-left text-xs" data-testid="comparison-table">
          <thead className="bg-canvas text-[11px] uppercase tracking-wide text-ink-muted">
            <tr>
              <th className="px-3 py-2"><span className="sr-only">Reasoning</span></th>
              <th className="px-3 py-2 font-semibold">Record</th>
              <th className="px-3 py-2 font-semibold">Query</th>
              <th className="px-3 py-2 font-semibold">Human</th>
              <th className="px-3 py-2 font-semibold">LLM</th>
              <th className="px-3 py-2 font-semibold">Agreement</th>
            </tr>
          </thead>
          <tbody className="divide-y">
            {shown.length === 0 ? <EmptyTableRow colSpan={6}>No records in this view.</EmptyTableRow> : null}
            {shown.map((r) => (
              <Fragment key={r.record_id}>
                <tr data-testid={`comparison-${r.record_id}`}>
                  <td className="px-3 py-2">
                    <ExpandToggle
                      expanded={open === r.record_id}
                      what={`reasoning for ${r.record_id}`}
                      onToggle={() => setOpen(open === r.record_id ? null : r.record_id)}
                      testId={`comparison-toggle-${r.record_id}`}
                    />
                  </td>
                  <td className="px-3 py-2 font-mono text-ink-muted">{r.record_id}</td>
                  <td className="max-w-[22rem] truncate px-3 py-2 text-ink-secondary" title={r.query}>{r.query}</td>
                  <td className="px-3 py-2">{verdict(r.human_score)}</td>
                  <td className="px-3 py-2">{verdict(r.llm_score)}</td>
                  <td className="px-3 py-2">
                    <StatusBadge tone={r.is_aligned ? 'success' : 'error'} label={r.is_aligned ? 'Aligned' : 'Misaligned'} />
                  </td>
                </tr>
                {open === r.record_id ? (
                  <tr data-testid={`comparison-reasoning-${r.record_id}`}>
                    <td colSpan={6} className="bg-canvas/50 px-6 py-3 text-xs">
                      <p className="font-semibold text-ink-muted">Response</p>
                      <p className="mt-0.5 whitespace-pre-wrap text-ink">{r.actual_output}</p>
                      <p className="mt-2 font-semibold text-ink-muted">Judge reasoning</p>
                      <p className="mt-0.5 text-ink-secondary">{r.llm_reasoning || 'No reasoning given.'}</p>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
