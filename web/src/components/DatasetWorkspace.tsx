import type { LucideIcon } from 'lucide-react';
import { useMemo, type ReactNode } from 'react';
import { useCurrentDataset, type CurrentDataset } from '../lib/evaluate/queries';
import type { DbStore } from '../lib/database/types';
import type { Dataset, StoredResponse } from '../lib/evaluate/types';
import type { PageInfo } from '../lib/pages';
import { Card } from './Card';
import { DbImportButton } from './database/DbImportButton';
import { DatasetPicker } from './evaluate/DatasetPicker';
import { FileUpload, type ExampleChoice, type UploadTarget } from './evaluate/FileUpload';
import { EmptyState, ErrorBlock, LoadingBlock } from './evaluate/StateViews';
import { PageHeader } from './PageHeader';
import { ReplaceDataButton } from './UploadModal';

export interface EmptyCopy {
  icon: LucideIcon;
  title: string;
  message: ReactNode;
}

interface DatasetWorkspaceProps {
  page: PageInfo;
  /** The dataset kind this page stores and reads; only datasets of it can be picked. */
  kind: string;
  /** The remembered dataset id and its setter (a persisted page store). */
  storedId: string | null;
  onStoredId: (id: string | null) => void;
  target: UploadTarget;
  /** The store "Import from database" fills; that button is offered when set. */
  dbStore?: DbStore;
  examples: ExampleChoice[];
  empty: EmptyCopy;
  uploadTitle: string;
  testId: string;
  /** Called after an upload or example load with the new dataset's id, before it is selected. */
  onLoaded?: (id: string) => void;
  toolbar?: ReactNode;
  children: (dataset: Dataset) => ReactNode;
}

/**
 * A page that works on one stored dataset of its kind (kept in `?dataset=` and the page store): its
 * header, then an empty state with the upload when there is none, else a toolbar (picker and
 * "Replace data…") above the children for the chosen dataset.
 */
export function DatasetWorkspace({ page, kind, storedId, onStoredId, ...rest }: DatasetWorkspaceProps) {
  const preference = useMemo(() => ({ kinds: [kind], only: [kind], fallbackToAny: false }), [kind]);
  const current = useCurrentDataset(storedId, onStoredId, preference);
  return (
    <div>
      <PageHeader icon={page.icon} title={page.title} subtitle={page.subtitle} />
      <Workspace current={current} {...rest} />
    </div>
  );
}

type WorkspaceProps = Omit<DatasetWorkspaceProps, 'page' | 'kind' | 'storedId' | 'onStoredId'> & { current: CurrentDataset };

function Workspace({ current, target, dbStore, examples, empty, uploadTitle, testId, onLoaded, toolbar, children }: WorkspaceProps) {
  const loaded = (r: StoredResponse) => {
    const id = r.dataset?.id ?? r.dataset_id;
    if (id) {
      onLoaded?.(id);
      current.select(id);
    }
  };
  const upload = (after?: () => void) => (
    <FileUpload
      examples={examples}
      onLoaded={(r: StoredResponse) => {
        loaded(r);
        after?.();
      }}
      target={target}
      testId={`${testId}-upload`}
    />
  );

  if (current.isLoading) return <LoadingBlock label="Loading datasets…" />;
  if (current.error) return <ErrorBlock error={current.error} title="Could not list the stored datasets" />;
  const none = !current.datasetId;
  // One tree for both states, so the database import button (and its message) survives the switch to the new dataset.
  return (
    <div className="space-y-6">
      {none ? <EmptyState icon={empty.icon} title={empty.title} message={empty.message} testId={`${testId}-empty`} /> : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">{none ? null : toolbar}</div>
        <div className="flex flex-wrap items-center gap-2">
          {dbStore ? <DbImportButton store={dbStore} onImported={loaded} /> : null}
          {none ? null : (
            <ReplaceDataButton currentName={current.dataset?.name} testId={testId}>
              {(close) => upload(close)}
            </ReplaceDataButton>
          )}
          {none ? null : (
            <DatasetPicker datasets={current.datasets} current={current.dataset} loading={false} onSelect={current.select} onDeleted={(id) => id === current.datasetId && current.select(null)} />
          )}
        </div>
      </div>
      {none ? <Card title={uploadTitle}>{upload()}</Card> : current.dataset ? children(current.dataset) : <LoadingBlock />}
    </div>
  );
}
