import { Suspense } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { DatasetPicker } from '../../components/evaluate/DatasetPicker';
import { FileUpload } from '../../components/evaluate/FileUpload';
import { LoadingBlock } from '../../components/evaluate/StateViews';
import { StepBar } from '../../components/evaluate/StepBar';
import { PageHeader } from '../../components/PageHeader';
import { ReplaceDataButton } from '../../components/UploadModal';
import { useCopilotContext } from '../../lib/copilot/useCopilotContext';
import { useCurrentDataset } from '../../lib/evaluate/queries';
import { EVALUATE_TABS, PAGES } from '../../lib/pages';
import { useFeatures } from '../../lib/queries';
import { useEvalStore } from '../../stores/evalStore';
import { NotFoundPage } from '../NotFoundPage';
import type { EvaluateContext } from './context';

const EVALUATE_PREFERENCE = { kinds: ['evaluation'], fallbackToAny: true };

export function EvaluateLayout() {
  const { pathname, search } = useLocation();
  const slug = pathname.replace(/\/+$/, '').split('/')[2] ?? '';
  const tab = EVALUATE_TABS.find((t) => t.slug === slug);
  const storedId = useEvalStore((s) => s.datasetId);
  const setStoredId = useEvalStore((s) => s.setDatasetId);
  const forget = useEvalStore((s) => s.forgetDataset);
  const current = useCurrentDataset(storedId, setStoredId, EVALUATE_PREFERENCE);
  const { eval_runner_enabled: runnerEnabled } = useFeatures();
  useCopilotContext(current.datasetId, 'Evaluation dataset');

  if (slug !== '' && !tab) return <NotFoundPage />;
  const page = PAGES.evaluate;
  const context: EvaluateContext = { current };
  const keepSearch = current.datasetId ? `?dataset=${encodeURIComponent(current.datasetId)}` : search;

  return (
    <div>
      <PageHeader icon={page.icon} title={page.title} subtitle={page.subtitle} />
      <StepBar active={tab?.slug ?? ''} runnerEnabled={runnerEnabled} search={keepSearch} />
      {tab && tab.slug !== 'runner' ? (
        <div className="mb-6 mt-4 flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-ink-secondary">{tab.description}</p>
          <div className="flex flex-wrap items-center gap-2">
            {current.dataset && tab.slug !== 'upload' ? (
              <ReplaceDataButton currentName={current.dataset.name} testId="evaluate">
                {(close) => (
                  <FileUpload
                    onLoaded={(r) => {
                      const id = r.dataset?.id ?? r.dataset_id;
                      if (id) current.select(id);
                      close();
                    }}
                    testId="evaluate-replace-upload"
                  />
                )}
              </ReplaceDataButton>
            ) : null}
            <DatasetPicker
              datasets={current.datasets}
              current={current.dataset}
              loading={current.isLoading}
              onSelect={current.select}
              onDeleted={(id) => {
                forget(id);
                if (id === current.datasetId) current.select(null);
              }}
            />
          </div>
        </div>
      ) : (
        <div className="mb-6 mt-4">{tab ? <p className="text-sm text-ink-secondary">{tab.description}</p> : null}</div>
      )}
      <Suspense fallback={<LoadingBlock />}>
        <Outlet context={context} />
      </Suspense>
    </div>
  );
}
