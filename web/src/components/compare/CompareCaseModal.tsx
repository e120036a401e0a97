import { useState } from 'react';
import { cn } from '../../lib/cn';
import { CaseDetailView } from '../evaluate/CaseDetailView';
import { Modal } from '../Modal';

interface CompareCaseModalProps {
  datasetId: string;
  caseId: string | null;
  /** The experiments to show the case in, one tab each. */
  experiments: string[];
  /** Tab labels (the experiment names by default). */
  labels?: string[];
  onClose: () => void;
}

/** One case as each experiment saw it: query, outputs and per-metric scores from the case route, one tab per experiment. */
export function CompareCaseModal({ datasetId, caseId, experiments, labels, onClose }: CompareCaseModalProps) {
  const [chosen, setChosen] = useState(0);
  const index = chosen < experiments.length ? chosen : 0;
  const experiment = experiments[index];
  return (
    <Modal open={caseId !== null} title={`Case ${caseId ?? ''}`} onClose={onClose} className="max-h-[92vh] max-w-4xl overflow-y-auto" testId="compare-case-modal">
      {experiments.length > 1 ? (
        <div className="mb-4 flex flex-wrap rounded-lg bg-canvas p-0.5 ring-1 ring-line" role="tablist" aria-label="Experiment">
          {experiments.map((e, i) => (
            <button
              key={e}
              type="button"
              role="tab"
              aria-selected={index === i}
              onClick={() => setChosen(i)}
              data-testid={`case-modal-tab-${i}`}
              className={cn('flex-1 rounded-md px-3 py-1.5 text-sm font-medium', index === i ? 'bg-white text-primary shadow-card' : 'text-ink-muted')}
            >
              {labels?.[i] ?? e}
            </button>
          ))}
        </div>
      ) : null}
      {caseId && experiment !== undefined ? <CaseDetailView key={`${caseId}\u0000${experiment}`} scope={{ datasetId, evaluationName: experiment }} caseId={caseId} /> : null}
    </Modal>
  );
}
