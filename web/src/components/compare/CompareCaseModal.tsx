import { useState } from 'react';
import { cn } from '../../lib/cn';
import { CaseDetailView } from '../evaluate/CaseDetailView';
import { Modal } from '../Modal';

interface CompareCaseModalProps {
  datasetId: string;
  caseId: string | null;
  baseline: string;
  challenger: string;
  onClose: () => void;
}

/** One case as each experiment saw it. */
export function CompareCaseModal({ datasetId, caseId, baseline, challenger, onClose }: CompareCaseModalProps) {
  const [side, setSide] = useState<'baseline' | 'challenger'>('baseline');
  const experiment = side === 'baseline' ? baseline : challenger;
  return (
    <Modal open={caseId !== null} title={`Case ${caseId ?? ''}`} onClose={onClose} className="max-h-[92vh] max-w-4xl overflow-y-auto" testId="compare-case-modal">
      <div className="mb-4 flex rounded-lg bg-canvas p-0.5 ring-1 ring-line" role="tablist">
        {(['baseline', 'challenger'] as const).map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={side === s}
            onClick={() => setSide(s)}
            className={cn('flex-1 rounded-md px-3 py-1.5 text-sm font-medium', side === s ? 'bg-white text-primary shadow-card' : 'text-ink-muted')}
          >
            {s === 'baseline' ? `Baseline · ${baseline}` : `Challenger · ${challenger}`}
          </button>
        ))}
      </div>
      {caseId ? <CaseDetailView key={experiment} scope={{ datasetId, evaluationName: experiment }} caseId={caseId} /> : null}
    </Modal>
  );
}
