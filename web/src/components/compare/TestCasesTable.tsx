import { cn } from '../../lib/cn';
import { formatScore, truncate } from '../../lib/evaluate/format';
import type { TestCaseRow } from '../../lib/evaluate/types';
import { ScorePill } from '../evaluate/Score';
import { EmptyTableRow } from '../EmptyTableRow';

/** The same case across experiments: one score column per experiment (— where an experiment did not score it) and the spread. */
export function TestCasesTable({ experiments, cases, fetching }: { experiments: string[]; cases: TestCaseRow[]; fetching?: boolean }) {
  return (
    <div className={cn('overflow-x-auto rounded-lg border transition-opacity', fetching && 'opacity-70')} tabIndex={0} role="region" aria-label="Cases side by side">
      <table className="min-w-full text-left text-sm" data-testid="test-cases-table">
        <caption className="sr-only">Overall score of each case in each experiment</caption>
        <thead className="bg-canvas text-[11px] uppercase tracking-wide text-ink-muted">
          <tr>
            <th scope="col" className="w-32 px-3 py-2 font-semibold">ID</th>
            <th scope="col" className="px-3 py-2 font-semibold">Query</th>
            {experiments.map((e) => (
              <th scope="col" key={e} className="px-3 py-2 font-semibold" title={e}>
                {truncate(e, 16)}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right font-semibold">Spread</th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {cases.length === 0 ? (
            <EmptyTableRow colSpan={experiments.length + 3}>No cases match these filters.</EmptyTableRow>
          ) : (
            cases.map((c) => (
              <tr key={c.dataset_id} data-testid="test-case-row" data-case={c.dataset_id}>
                <td className="truncate px-3 py-2.5 font-mono text-xs text-ink-secondary">{c.dataset_id}</td>
                <td className="max-w-md truncate px-3 py-2.5 text-ink" title={c.query ?? undefined}>
                  {c.query || '—'}
                </td>
                {experiments.map((e, i) => (
                  <td key={e} className="px-3 py-2.5" data-testid="test-case-score">
                    {typeof c.scores[i] === 'number' ? <ScorePill value={c.scores[i]} /> : <span className="text-ink-muted">—</span>}
                  </td>
                ))}
                <td className="px-3 py-2.5 text-right tabular-nums text-ink-secondary" data-testid="test-case-spread">
                  {formatScore(c.spread)}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
