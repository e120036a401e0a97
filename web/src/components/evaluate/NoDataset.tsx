import { Upload, DatabaseZap } from 'lucide-react';
import { Link } from 'react-router-dom';
import { EmptyState } from './StateViews';

/** Shown by every Evaluate view while no dataset is stored. */
export function NoDataset({ what }: { what: string }) {
  return (
    <EmptyState
      icon={DatabaseZap}
      title="No evaluation data yet"
      testId="no-dataset"
      message={`Upload a CSV of evaluation results, or load one of the examples, to see the ${what}.`}
      action={
        <Link to="/evaluate/upload" className="inline-flex items-center gap-2 rounded-lg bg-primary px-4 py-2 text-sm font-medium text-white hover:bg-primary-dark">
          <Upload className="h-4 w-4" aria-hidden="true" />
          Go to Upload
        </Link>
      }
    />
  );
}
