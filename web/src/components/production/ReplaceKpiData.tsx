import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { evalKeys, useDatasets } from '../../lib/evaluate/queries';
import { loadKpiExample, uploadKpi } from '../../lib/kpi/api';
import { queryKeys } from '../../lib/queries';
import type { UploadResponse } from '../../lib/evaluate/types';
import { FileUpload, type ExampleChoice, type UploadTarget } from '../evaluate/FileUpload';
import { ReplaceDataButton } from '../UploadModal';

const TARGET: UploadTarget<UploadResponse> = { upload: uploadKpi, example: loadKpiExample };
const EXAMPLES: ExampleChoice[] = [{ name: 'kpi', label: 'KPI Sample' }];

/**
 * The Production header's "Replace data…": a KPI CSV (or the sample) becomes the newest KPI
 * dataset, which the KPI views read; the dialog names the one shown now. Once loaded, every KPI
 * read and the agent list (its KPI row counts) are asked for again.
 */
export function ReplaceKpiData() {
  const client = useQueryClient();
  const datasets = useDatasets();
  const current = useMemo(() => datasets.data?.find((d) => d.kind === 'kpi') ?? null, [datasets.data]);
  const loaded = () => {
    void client.invalidateQueries({ queryKey: ['kpi'] });
    void client.invalidateQueries({ queryKey: queryKeys.sources });
    void client.invalidateQueries({ queryKey: evalKeys.datasets });
  };
  return (
    <ReplaceDataButton currentName={current?.name ?? current?.id ?? null} title="Upload KPI data" testId="production">
      {(close) => (
        <FileUpload
          examples={EXAMPLES}
          target={TARGET}
          testId="production-replace-upload"
          onLoaded={() => {
            loaded();
            close();
          }}
        />
      )}
    </ReplaceDataButton>
  );
}
