import { ArrowLeft } from 'lucide-react';
import { cn } from '../../lib/cn';
import type { DbStore } from '../../lib/database/types';
import { tableId } from '../../lib/database/wizard';
import type { StoredResponse } from '../../lib/evaluate/types';
import { Button } from '../Button';
import { LoadingBlock } from '../evaluate/StateViews';
import { Modal } from '../Modal';
import { ConnectStep } from './ConnectStep';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { SourceStep } from './SourceStep';
import { useDbWizard, type WizardStep } from './useDbWizard';

interface DbImportWizardProps {
  store: DbStore;
  onClose: () => void;
  onImported: (response: StoredResponse) => void;
}

const STEP_LABELS: Record<WizardStep, string> = { connect: 'Connect', source: 'Source', map: 'Map & filter', preview: 'Preview & import' };

function Steps({ current, steps }: { current: WizardStep; steps: WizardStep[] }) {
  const at = steps.indexOf(current);
  return (
    <ol className="mb-5 flex flex-wrap items-center gap-2 text-xs" data-testid="db-steps">
      {steps.map((s, i) => (
        <li key={s} className={cn('flex items-center gap-1.5', i === at ? 'font-semibold text-primary' : i < at ? 'text-ink-secondary' : 'text-ink-muted')} aria-current={i === at ? 'step' : undefined}>
          <span className={cn('flex h-5 w-5 items-center justify-center rounded-full text-[11px]', i === at ? 'bg-primary text-white' : 'bg-canvas ring-1 ring-line')}>{i + 1}</span>
          {STEP_LABELS[s]}
          {i < steps.length - 1 ? <span className="ml-0.5 text-ink-muted">›</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** The "Import from database" dialog: connect, pick a table or write a SELECT, map and filter, preview, import. Closing it drops the connection. */
export function DbImportWizard({ store, onClose, onImported }: DbImportWizardProps) {
  const w = useDbWizard(store, onImported);
  const steps: WizardStep[] = w.mode === 'table' ? ['connect', 'source', 'map', 'preview'] : ['connect', 'source', 'preview'];
  const subtitle = w.step === 'map' || (w.step === 'preview' && w.mode === 'table') ? (w.table ? tableId(w.table) : null) : w.step === 'preview' ? 'SQL query' : null;

  return (
    <Modal open title="Import from database" onClose={onClose} className="max-w-4xl" testId="db-import-modal">
      <div className="max-h-[70vh] overflow-y-auto pr-1">
        <Steps current={w.step} steps={steps} />
        {w.step !== 'connect' ? (
          <div className="mb-4 flex items-center gap-3">
            <Button className="px-2.5 py-1 text-xs" onClick={w.back} data-testid="db-back">
              <ArrowLeft className="h-3.5 w-3.5" aria-hidden="true" />
              {w.step === 'source' ? 'Connection' : 'Back'}
            </Button>
            {subtitle ? <span className="font-mono text-xs text-ink-secondary" data-testid="db-source-name">{subtitle}</span> : null}
          </div>
        ) : null}
        {w.step === 'connect' ? (
          w.defaults.isPending ? (
            <LoadingBlock label="Reading the configured connection…" />
          ) : (
            <ConnectStep
              form={w.form}
              onChange={w.editForm}
              hasPassword={w.hasPassword}
              onSubmit={() => w.connect.mutate()}
              pending={w.connect.isPending}
              error={w.connect.error}
              defaultsError={w.defaults.error}
            />
          )
        ) : null}
        {w.step === 'source' && w.handle ? (
          <SourceStep handle={w.handle} mode={w.mode} onMode={w.setMode} onPickTable={w.pickTable} defaultTable={w.defaults.data?.table} sql={w.sql} onSql={w.setSql} onPreview={w.runPreview} />
        ) : null}
        {w.step === 'map' && w.handle && w.table ? (
          <MappingStep
            handle={w.handle}
            table={w.table}
            schema={w.schema}
            choices={w.choices}
            renameMap={w.renameMap}
            onChoice={w.setChoice}
            filters={w.filters}
            onFilters={w.setFilters}
            filterLabels={w.defaults.data?.filters ?? []}
            included={w.mappings.length}
            onPreview={w.runPreview}
          />
        ) : null}
        {w.step === 'preview' ? (
          <PreviewStep mode={w.mode} preview={w.preview} importing={w.importer} limit={w.limit} maxLimit={w.maxLimit} onLimit={w.setLimit} onImport={w.runImport} />
        ) : null}
      </div>
    </Modal>
  );
}
