import { History } from 'lucide-react';
import { useJudgeRuns } from '../../lib/align/queries';
import { formatDateTime, formatPercent } from '../../lib/evaluate/format';
import { Button } from '../Button';
import { Card } from '../Card';
import { ErrorLine } from '../database/Field';
import { errorMessage } from '../evaluate/StateViews';

/** The judge runs stored on the server, newest first as listed; Open shows one's results. */
export function JudgeRuns({ onOpen, opening }: { onOpen: (runId: string) => void; opening: string | null }) {
  const runs = useJudgeRuns();
  return (
    <Card title="Past judge runs" icon={<History className="h-4 w-4 text-primary" aria-hidden="true" />} testId="caliber-runs">
      {runs.isError ? <ErrorLine text={errorMessage(runs.error)} testId="judge-runs-error" /> : null}
      <ul className="divide-y text-sm">
        {(runs.data ?? []).map((r) => (
          <li key={r.run_id} className="flex items-center justify-between gap-2 py-2" data-testid={`judge-run-${r.run_id}`}>
            <span className="min-w-0">
              <span className="block truncate font-medium text-ink">{r.name ?? r.model}</span>
              <span className="block text-[11px] text-ink-muted">
                {formatDateTime(r.created_at)} · {r.total_samples} records · κ {r.metrics.cohens_kappa.toFixed(2)} · {formatPercent(r.metrics.accuracy)} aligned
              </span>
            </span>
            <Button className="px-2 py-1 text-xs" disabled={opening === r.run_id} onClick={() => onOpen(r.run_id)} aria-label={`Open judge run ${r.name ?? r.run_id}`} data-testid={`judge-run-open-${r.run_id}`}>
              Open
            </Button>
          </li>
        ))}
        {runs.data && runs.data.length === 0 ? <li className="py-2 text-xs text-ink-muted">No judge runs yet.</li> : null}
      </ul>
    </Card>
  );
}
