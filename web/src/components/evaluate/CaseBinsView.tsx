import { Upload, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatCount, formatPercent, formatScore } from '../../lib/evaluate/format';
import type { BinStat, CaseRecord } from './caseStats';
import { ScoreText } from './Score';
import { EmptyState, ErrorBlock, LoadingBlock } from './StateViews';
import { useCaseRecords, type CaseRecords } from './useCaseRecords';

interface CaseDataProps {
  datasetId: string;
  /** Whether a case carries what the view needs (an output, a conversation, metadata). */
  has: (c: CaseRecord) => boolean;
  empty: { icon: LucideIcon; title: string; message: ReactNode };
  testId: string;
  children: (data: CaseRecords) => ReactNode;
}

/** Reads the dataset's cases, then shows loading, an error with Retry, an empty state, or the view. */
export function CaseData({ datasetId, has, empty, testId, children }: CaseDataProps) {
  const records = useCaseRecords(datasetId);
  if (records.isPending) return <LoadingBlock label="Reading the dataset's cases…" />;
  if (records.isError) {
    return <ErrorBlock title="Could not read the dataset's rows" error={records.error} onRetry={() => void records.refetch()} />;
  }
  const data = records.data;
  if (!data.cases.some(has)) {
    return (
      <EmptyState
        icon={empty.icon}
        title={empty.title}
        message={empty.message}
        testId={`${testId}-empty`}
        action={
          <Link to="/evaluate/upload" className="inline-flex items-center gap-2 rounded-lg bg-primary px-4 py-2 text-sm font-medium text-white hover:bg-primary-dark">
            <Upload className="h-4 w-4" aria-hidden="true" />
            Upload data
          </Link>
        }
      />
    );
  }
  return (
    <div className="space-y-4" data-testid={testId}>
      {data.rowsRead < data.totalRows ? (
        <p className="rounded-lg border border-warning/40 bg-warning/10 px-4 py-2 text-xs text-ink-secondary" data-testid={`${testId}-partial`}>
          Summarised from the first {formatCount(data.rowsRead)} of {formatCount(data.totalRows)} rows.
        </p>
      ) : null}
      {children(data)}
    </div>
  );
}

interface BinTableProps {
  caption: string;
  groupLabel: string;
  bins: BinStat[];
  valueLabel?: string;
  formatValue?: (v: number | null) => string;
  testId: string;
}

/** The numbers behind the charts: cases, mean score and pass rate per bin or group. */
export function BinTable({ caption, groupLabel, bins, valueLabel, formatValue, testId }: BinTableProps) {
  return (
    <div className="overflow-x-auto rounded-xl border bg-white shadow-card">
      <table className="min-w-full text-left text-sm" data-testid={testId}>
        <caption className="border-b px-5 py-3 text-left text-sm font-semibold text-ink">{caption}</caption>
        <thead className="bg-canvas text-[11px] uppercase tracking-wide text-ink-muted">
          <tr>
            <th scope="col" className="px-5 py-2.5 font-semibold">
              {groupLabel}
            </th>
            <th scope="col" className="px-3 py-2.5 text-right font-semibold">
              Cases
            </th>
            <th scope="col" className="px-3 py-2.5 text-right font-semibold">
              Mean score
            </th>
            <th scope="col" className="px-3 py-2.5 text-right font-semibold">
              Pass rate
            </th>
            {valueLabel ? (
              <th scope="col" className="px-3 py-2.5 text-right font-semibold">
                {valueLabel}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y">
          {bins.map((b) => (
            <tr key={b.label} data-testid="bin-row" data-label={b.label}>
              <th scope="row" className="px-5 py-2 font-medium text-ink">
                {b.label}
              </th>
              <td className="px-3 py-2 text-right tabular-nums" data-testid="bin-count">
                {formatCount(b.count)}
              </td>
              <td className="px-3 py-2 text-right" data-testid="bin-mean">
                {b.mean === null ? '—' : <ScoreText value={b.mean} />}
              </td>
              <td className="px-3 py-2 text-right tabular-nums" data-testid="bin-pass">
                {b.passRate === null ? '—' : formatPercent(b.passRate)}
              </td>
              {valueLabel ? (
                <td className="px-3 py-2 text-right tabular-nums" data-testid="bin-value">
                  {formatValue ? formatValue(b.meanValue) : formatScore(b.meanValue, 1)}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
