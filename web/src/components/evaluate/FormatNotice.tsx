import { FileWarning, Upload } from 'lucide-react';
import { Link } from 'react-router-dom';
import { formatLabel } from '../../lib/evaluate/format';
import type { Dataset } from '../../lib/evaluate/types';
import { EmptyState } from './StateViews';

interface FormatNoticeProps {
  dataset: Dataset;
  feature: string;
  detail?: string | null;
}

/** Explains that a view needs hierarchical evaluation results, naming the format the dataset has. */
export function FormatNotice({ dataset, feature, detail }: FormatNoticeProps) {
  return (
    <EmptyState
      icon={FileWarning}
      title={`${feature} needs hierarchical evaluation data`}
      testId="format-notice"
      message={
        <>
          <p>
            This dataset is <code className="rounded bg-canvas px-1 font-semibold text-ink">{dataset.format ?? 'unknown'}</code> (
            {formatLabel(dataset.format)}). {feature} reads <code className="font-semibold text-ink">tree_format</code> or{' '}
            <code className="font-semibold text-ink">flat_format</code> results: one row per test case and metric with{' '}
            <code>dataset_id</code>, <code>metric_name</code> and <code>metric_score</code>, and optionally <code>parent</code>,{' '}
            <code>weight</code>, <code>metric_type</code> and <code>evaluation_name</code>.
          </p>
          {detail ? <p className="mt-2 text-xs text-ink-muted">Server: {detail}</p> : null}
        </>
      }
      action={
        <Link
          to="/evaluate/upload"
          className="inline-flex items-center gap-2 rounded-lg bg-primary px-4 py-2 text-sm font-medium text-white hover:bg-primary-dark"
        >
          <Upload className="h-4 w-4" aria-hidden="true" />
          Upload evaluation results
        </Link>
      }
    />
  );
}
