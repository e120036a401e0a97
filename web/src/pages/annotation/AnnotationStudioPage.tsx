import { PenLine, SlidersHorizontal } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AnnotationCard } from '../../components/annotation/AnnotationCard';
import { ConfigureModal } from '../../components/annotation/ConfigureModal';
import { ExportButton } from '../../components/annotation/ExportButton';
import { ProgressPanel } from '../../components/annotation/ProgressPanel';
import { RecordList } from '../../components/annotation/RecordList';
import { ShortcutHelp } from '../../components/annotation/ShortcutHelp';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { DatasetPicker } from '../../components/evaluate/DatasetPicker';
import { FileUpload, type ExampleChoice } from '../../components/evaluate/FileUpload';
import { EmptyState, ErrorBlock, LoadingBlock } from '../../components/evaluate/StateViews';
import { PageHeader } from '../../components/PageHeader';
import { ReplaceDataButton } from '../../components/UploadModal';
import { ratingValues, resolveConfig, type StudioConfig } from '../../lib/annotation/config';
import { caseIdOf, keyCommand, localProgress, moveIndex, type Command } from '../../lib/annotation/studio';
import { useAnnotations } from '../../lib/annotation/useAnnotations';
import { columnNames } from '../../lib/evaluate/datasets';
import { useCurrentDataset, useRows } from '../../lib/evaluate/queries';
import type { Dataset, StoredResponse } from '../../lib/evaluate/types';
import { PAGES } from '../../lib/pages';
import { useKeyCommands } from '../../lib/useKeyCommands';
import { useAnnotationConfigStore } from '../../stores/annotationConfigStore';
import { useAnnotationStore } from '../../stores/annotationStore';

const EXAMPLES: ExampleChoice[] = [
  { name: 'annotation', label: 'Annotation Sample' },
  { name: 'align', label: 'Caliber HQ' },
];
const PAGE_SIZE = 50;

function studioKeyCommand(e: KeyboardEvent, editing: boolean): Command | null {
  return keyCommand({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, editing });
}
const ANNOTATION_PREFERENCE = { kinds: ['annotation', 'calibration'], fallbackToAny: false };

function Studio({ dataset, config }: { dataset: Dataset; config: StudioConfig }) {
  const storedIndex = useAnnotationStore((s) => s.indexByDataset[dataset.id] ?? 0);
  const setStoredIndex = useAnnotationStore((s) => s.setIndex);
  const [index, setIndexState] = useState(storedIndex);
  const page = Math.floor(index / PAGE_SIZE) + 1;
  const rows = useRows(dataset.id, page, PAGE_SIZE);
  const ann = useAnnotations(dataset.id);
  const tagInput = useRef<HTMLInputElement>(null);
  const total = rows.data?.total ?? dataset.row_count ?? 0;
  const offset = (page - 1) * PAGE_SIZE;
  const pageRows = useMemo(() => (rows.isPlaceholderData ? [] : rows.data?.data ?? []), [rows.isPlaceholderData, rows.data]);
  const row = pageRows[index - offset];
  const caseId = caseIdOf(row) ?? (row ? String(index + 1) : null);
  const hasIdColumn = columnNames(rows.data?.columns ?? dataset.columns).some((c) => ['dataset_id', 'id', 'case_id'].includes(c));

  const setIndex = useCallback(
    (i: number) => {
      setIndexState(i);
      setStoredIndex(dataset.id, i);
    },
    [dataset.id, setStoredIndex],
  );

  useEffect(() => {
    if (total > 0 && index > total - 1) setIndex(total - 1);
  }, [total, index, setIndex]);

  const run = useCallback(
    (cmd: Command) => {
      switch (cmd.type) {
        case 'judge':
          if (caseId) ann.change(caseId, { judgment: cmd.judgment });
          break;
        case 'rate':
          if (caseId && ratingValues(config.rating).includes(cmd.rating)) ann.change(caseId, { rating: cmd.rating });
          break;
        case 'toggleFlag':
          if (caseId) ann.change(caseId, { flagged: !ann.annotations[caseId]?.flagged });
          break;
        case 'next':
        case 'prev':
        case 'skip':
          setIndex(
            moveIndex(cmd.type, index, total, (i) => {
              const r = pageRows[i - offset];
              if (!r) return undefined;
              const a = ann.annotations[caseIdOf(r) ?? String(i + 1)];
              return !!a && (a.judgment !== null || a.rating !== null);
            }),
          );
          break;
        case 'undo':
          ann.undo();
          break;
        case 'focusTags':
          tagInput.current?.focus();
          break;
        default:
          break;
      }
    },
    [ann, caseId, config.rating, index, total, pageRows, offset, setIndex],
  );

  useKeyCommands(studioKeyCommand, run);

  if (rows.isError) return <ErrorBlock error={rows.error} onRetry={() => void rows.refetch()} title="Could not load the records" />;
  if (ann.error) return <ErrorBlock error={ann.error} onRetry={() => void ann.refetch()} title="Could not load the annotations" />;

  return (
    <div className="grid items-start gap-6 xl:grid-cols-3">
      <div className="space-y-4 xl:col-span-2">
        {!hasIdColumn && rows.data ? (
          <p className="rounded-lg border border-warning/30 bg-warning/5 px-4 py-2 text-xs text-ink-secondary">
            This dataset has no <code>dataset_id</code> column, so records are identified by their position.
          </p>
        ) : null}
        {rows.isPending || ann.isLoading || !row || !caseId ? (
          total === 0 && rows.data ? (
            <p className="rounded-xl border bg-white px-5 py-10 text-center text-sm text-ink-muted">This dataset has no records.</p>
          ) : (
            <LoadingBlock label="Loading the record…" className="rounded-xl border bg-white" />
          )
        ) : (
          <AnnotationCard
            row={row}
            caseId={caseId}
            index={index}
            total={total}
            annotation={ann.annotations[caseId] ?? null}
            config={config}
            status={ann.status}
            canUndo={ann.undoDepth > 0}
            tagInputRef={tagInput}
            onChange={(patch) => ann.change(caseId, patch)}
            onPrev={() => run({ type: 'prev' })}
            onNext={() => run({ type: 'next' })}
            onUndo={() => run({ type: 'undo' })}
          />
        )}
      </div>
      <div className="space-y-4">
        <ProgressPanel progress={ann.progress ?? (ann.isLoading ? null : localProgress(ann.annotations, total))} total={total} />
        <ShortcutHelp />
        <RecordList rows={pageRows} offset={offset} total={total} current={index} annotations={ann.annotations} onJump={setIndex} />
      </div>
    </div>
  );
}

/** The column records are identified by, in the order caseIdOf reads them. */
function idColumnOf(columns: string[]): string | null {
  return ['dataset_id', 'id', 'case_id'].find((c) => columns.includes(c)) ?? null;
}

export default function AnnotationStudioPage() {
  const page = PAGES.annotation;
  const storedId = useAnnotationStore((s) => s.datasetId);
  const setStoredId = useAnnotationStore((s) => s.setDatasetId);
  const current = useCurrentDataset(storedId, setStoredId, ANNOTATION_PREFERENCE);
  const [configuring, setConfiguring] = useState(false);
  const storedConfig = useAnnotationConfigStore((s) => (current.datasetId ? s.byDataset[current.datasetId] : undefined));
  const saveConfig = useAnnotationConfigStore((s) => s.setConfig);
  const columns = useMemo(() => columnNames(current.dataset?.columns ?? []), [current.dataset]);
  const config = useMemo(() => resolveConfig(storedConfig, columns), [storedConfig, columns]);

  const onLoaded = (r: StoredResponse) => {
    const id = r.dataset?.id ?? r.dataset_id;
    if (id) current.select(id);
  };
  const upload = (after?: () => void) => (
    <FileUpload
      examples={EXAMPLES}
      onLoaded={(r: StoredResponse) => {
        onLoaded(r);
        after?.();
      }}
      testId="annotation-upload"
    />
  );

  const hasCurrent = !!current.datasetId;
  const stored = current.datasets ?? [];

  return (
    <div>
      <PageHeader
        icon={page.icon}
        title={page.title}
        subtitle={page.subtitle}
        actions={
          hasCurrent ? (
            <>
              <Button onClick={() => setConfiguring(true)} disabled={!current.dataset} data-testid="annotation-configure-open" aria-haspopup="dialog">
                <SlidersHorizontal className="h-4 w-4" aria-hidden="true" />
                Configure
              </Button>
              <ReplaceDataButton currentName={current.dataset?.name} testId="annotation">
                {(close) => upload(close)}
              </ReplaceDataButton>
              {current.datasetId ? <ExportButton datasetId={current.datasetId} /> : null}
            </>
          ) : null
        }
      />
      {current.isLoading ? (
        <LoadingBlock label="Loading datasets…" />
      ) : current.error ? (
        <ErrorBlock error={current.error} title="Could not list the stored datasets" />
      ) : !hasCurrent ? (
        <div className="space-y-6">
          <EmptyState
            icon={PenLine}
            title="Nothing to annotate yet"
            testId="annotation-empty"
            message="Load a CSV with query and actual_output columns (and a dataset_id per record), or start from the Annotation Sample. Every judgment is saved on the server as you go."
          />
          <Card title="Load records">
            {upload()}
            {stored.length > 0 ? (
              <div className="mt-5 flex flex-wrap items-center gap-3 border-t pt-4">
                <p className="text-sm text-ink-secondary">Or annotate a stored dataset:</p>
                <DatasetPicker datasets={stored} current={null} loading={false} onSelect={current.select} />
              </div>
            ) : null}
          </Card>
        </div>
      ) : (
        <div className="space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-ink-secondary">One record at a time. Every change is saved immediately.</p>
            <DatasetPicker datasets={current.datasets} current={current.dataset} loading={current.isLoading} onSelect={current.select} onDeleted={(id) => id === current.datasetId && current.select(null)} />
          </div>
          {current.dataset ? <Studio key={current.dataset.id} dataset={current.dataset} config={config} /> : <LoadingBlock />}
        </div>
      )}
      {current.dataset ? (
        <ConfigureModal
          open={configuring}
          onClose={() => setConfiguring(false)}
          columns={columns}
          idColumn={idColumnOf(columns)}
          config={config}
          onSave={(next) => {
            saveConfig(current.dataset!.id, next);
            setConfiguring(false);
          }}
        />
      ) : null}
    </div>
  );
}
