import type { KeyboardEvent } from 'react';
import { cn } from '../../lib/cn';
import { formatScore, truncate } from '../../lib/evaluate/format';
import type { TestCaseRow } from '../../lib/evaluate/types';
import { ScorePill } from '../evaluate/Score';
import { EmptyTableRow } from '../EmptyTableRow';

interface TestCasesTableProps {
  experiments: string[];
  cases: TestCaseRow[];
  /** The extra columns' names (each row's `fields` in this order). */
  fields?: string[];
  /** Side by side: one score column per experiment; classic: one row per case and experiment. */
  layout?: 'side' | 'classic';
  /** What the scores are: "overall" or a metric name. */
  scoreLabel?: string;
  fetching?: boolean;
  onOpen?: (caseId: string) => void;
}

const cell = 'px-3 py-2.5';
const score = (v: number | null | undefined) => (typeof v === 'number' ? <ScorePill value={v} /> : <span className="text-ink-muted">—</span>);

/** The listed cases across experiments, side by side or one row per case and experiment; a row (click or Enter) opens the case. */
export function TestCasesTable({ experiments, cases, fields = [], layout = 'side', scoreLabel = 'overall', fetching, onOpen }: TestCasesTableProps) {
  const side = layout === 'side';
  const open = (id: string) => onOpen?.(id);
  const rowProps = (id: string) => ({
    tabIndex: onOpen ? 0 : undefined,
    onClick: () => open(id),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open(id);
      }
    },
    className: cn(onOpen && 'cursor-pointer hover:bg-canvas focus:bg-primary-pale focus:outline-none'),
    'aria-label': onOpen ? `Open case ${id}` : undefined,
  });
  const fieldCells = (c: TestCaseRow) =>
    fields.map((f, i) => (
      <td key={f} className={cn(cell, 'max-w-xs truncate text-ink-secondary')} title={c.fields[i] ?? undefined} data-testid="test-case-field">
        {c.fields[i] ?? '—'}
      </td>
    ));
  const columns = side ? experiments.length + fields.length + 4 : fields.length + 4;
  return (
    <div className={cn('overflow-x-auto rounded-lg border transition-opacity', fetching && 'opacity-70')} tabIndex={0} role="region" aria-label={side ? 'Cases side by side' : 'Cases per experiment'}>
      <table className="min-w-full text-left text-sm" data-testid={side ? 'test-cases-table' : 'test-cases-classic'}>
        <caption className="sr-only">{side ? `The ${scoreLabel} score of each case in each experiment` : `The ${scoreLabel} score of each case, one row per experiment`}</caption>
        <thead className="bg-canvas text-[11px] uppercase tracking-wide text-ink-muted">
          <tr>
            <th scope="col" className="w-32 px-3 py-2 font-semibold">ID</th>
            <th scope="col" className="px-3 py-2 font-semibold">Query</th>
            {fields.map((f) => (
              <th scope="col" key={f} className="px-3 py-2 font-semibold">
                {f}
              </th>
            ))}
            {side ? (
              experiments.map((e) => (
                <th scope="col" key={e} className="px-3 py-2 font-semibold" title={e}>
                  {truncate(e, 16)}
                </th>
              ))
            ) : (
              <>
                <th scope="col" className="px-3 py-2 font-semibold">Experiment</th>
                <th scope="col" className="px-3 py-2 font-semibold">Score</th>
              </>
            )}
            {side ? (
              <>
                <th scope="col" className="px-3 py-2 text-right font-semibold">Mean</th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">Spread</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y">
          {cases.length === 0 ? (
            <EmptyTableRow colSpan={columns}>No cases match these filters.</EmptyTableRow>
          ) : side ? (
            cases.map((c) => (
              <tr key={c.dataset_id} data-testid="test-case-row" data-case={c.dataset_id} {...rowProps(c.dataset_id)}>
                <td className={cn(cell, 'truncate font-mono text-xs text-ink-secondary')}>{c.dataset_id}</td>
                <td className={cn(cell, 'max-w-md truncate text-ink')} title={c.query ?? undefined}>
                  {c.query || '—'}
                </td>
                {fieldCells(c)}
                {experiments.map((e, i) => (
                  <td key={e} className={cell} data-testid="test-case-score">
                    {score(c.scores[i])}
                  </td>
                ))}
                <td className={cn(cell, 'text-right tabular-nums text-ink-secondary')} data-testid="test-case-mean">
                  {formatScore(c.mean)}
                </td>
                <td className={cn(cell, 'text-right tabular-nums text-ink-secondary')} data-testid="test-case-spread">
                  {formatScore(c.spread)}
                </td>
              </tr>
            ))
          ) : (
            cases.flatMap((c) =>
              experiments.flatMap((e, i) =>
                typeof c.scores[i] === 'number'
                  ? [
                      <tr key={`${c.dataset_id}\u0000${e}`} data-testid="test-case-classic-row" data-case={c.dataset_id} {...rowProps(c.dataset_id)}>
                        <td className={cn(cell, 'truncate font-mono text-xs text-ink-secondary')}>{c.dataset_id}</td>
                        <td className={cn(cell, 'max-w-md truncate text-ink')} title={c.query ?? undefined}>
                          {c.query || '—'}
                        </td>
                        {fieldCells(c)}
                        <td className={cn(cell, 'text-ink')}>{e}</td>
                        <td className={cell} data-testid="test-case-score">
                          {score(c.scores[i])}
                        </td>
                      </tr>,
                    ]
                  : [],
              ),
            )
          )}
        </tbody>
      </table>
    </div>
  );
}
