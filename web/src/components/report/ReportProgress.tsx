import { ListChecks, Loader2 } from 'lucide-react';
import type { Thought } from '../../lib/thoughts';
import { Card } from '../Card';
import { ThoughtRow } from '../ThoughtRow';

interface ReportProgressProps {
  thoughts: Thought[];
  streaming: boolean;
}

/** The steps the report generator reports as it works, each in its colour. */
export function ReportProgress({ thoughts, streaming }: ReportProgressProps) {
  if (thoughts.length === 0 && !streaming) return null;
  return (
    <Card
      title="Progress"
      icon={streaming ? <Loader2 className="h-4 w-4 animate-spin text-primary" aria-hidden="true" /> : <ListChecks className="h-4 w-4 text-primary" aria-hidden="true" />}
      testId="report-progress"
    >
      {thoughts.length === 0 ? (
        <p className="text-sm text-ink-muted">Waiting for the server…</p>
      ) : (
        <ol className="max-h-72 space-y-2 overflow-y-auto">
          {thoughts.map((t, i) => (
            <ThoughtRow key={i} thought={t} testId="report-step" />
          ))}
        </ol>
      )}
    </Card>
  );
}
