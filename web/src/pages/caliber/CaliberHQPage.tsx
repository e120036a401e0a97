import { Scale } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Workspace } from '../../components/caliber/Workspace';
import { DatasetPicker } from '../../components/evaluate/DatasetPicker';
import { FileUpload, type ExampleChoice } from '../../components/evaluate/FileUpload';
import { EmptyState, ErrorBlock, LoadingBlock } from '../../components/evaluate/StateViews';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentDataset } from '../../lib/evaluate/queries';
import type { StoredResponse } from '../../lib/evaluate/types';
import { PAGES } from '../../lib/pages';
import { useCaliberStore } from '../../stores/caliberStore';

export const CALIBER_EXAMPLES: ExampleChoice[] = [{ name: 'align', label: 'Caliber HQ' }];
const CALIBER_PREFERENCE = { kinds: ['calibration'], fallbackToAny: false };

/** The dataset that was stored by an upload or an example, if the reply names one. */
export function storedId(r: StoredResponse): string | null {
  return r.dataset?.id ?? r.dataset_id ?? null;
}

export default function CaliberHQPage() {
  const page = PAGES.caliber;
  const remembered = useCaliberStore((s) => s.datasetId);
  const remember = useCaliberStore((s) => s.setDatasetId);
  const current = useCurrentDataset(remembered, remember, CALIBER_PREFERENCE);
  const [startingOver, setStartingOver] = useState(false);
  const onLoaded = (r: StoredResponse) => {
    const id = storedId(r);
    if (id) current.select(id);
    setStartingOver(false);
  };

  return (
    <div>
      <PageHeader icon={page.icon} title={page.title} subtitle={page.subtitle} />
      {current.isLoading ? (
        <LoadingBlock label="Loading datasets…" />
      ) : current.error ? (
        <ErrorBlock error={current.error} title="Could not list the stored datasets" />
      ) : !current.datasetId || startingOver ? (
        <div className="space-y-6" data-testid="caliber-upload">
          <EmptyState
            icon={Scale}
            title="Calibrate an LLM judge against human labels"
            message="Load a CSV with id (or dataset_id), query and actual_output columns, label the responses, then build and run a judge and see where it disagrees."
          />
          <Card title="1. Upload" actions={startingOver && current.dataset ? <Button onClick={() => setStartingOver(false)} data-testid="caliber-back">Back to {current.dataset.name}</Button> : null}>
            <FileUpload examples={CALIBER_EXAMPLES} onLoaded={onLoaded} testId="caliber-file" />
            {current.datasets && current.datasets.length > 0 ? (
              <div className="mt-5 flex flex-wrap items-center gap-3 border-t pt-4">
                <p className="text-sm text-ink-secondary">Or calibrate on a stored dataset:</p>
                <DatasetPicker datasets={current.datasets} current={null} loading={false} onSelect={current.select} />
              </div>
            ) : null}
          </Card>
        </div>
      ) : current.dataset ? (
        <Workspace key={current.dataset.id} dataset={current.dataset} onStartOver={() => setStartingOver(true)} />
      ) : (
        <LoadingBlock />
      )}
    </div>
  );
}
