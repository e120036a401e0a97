import { FolderOpen, Save, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useDeleteConfig, useSaveConfig, useSavedConfigs } from '../../lib/align/queries';
import type { AlignmentMetrics, JudgeConfig } from '../../lib/align/types';
import { Button } from '../Button';
import { Card } from '../Card';
import { ErrorLine, INPUT_CLASS } from '../database/Field';
import { errorMessage } from '../evaluate/StateViews';

interface SavedConfigsProps {
  config: JudgeConfig;
  metrics: AlignmentMetrics | null;
  onLoad: (config: JudgeConfig) => void;
}

/** Judge configurations kept on the server: save the current one, load or delete a saved one. */
export function SavedConfigs({ config, metrics, onLoad }: SavedConfigsProps) {
  const [name, setName] = useState('');
  const configs = useSavedConfigs();
  const save = useSaveConfig();
  const remove = useDeleteConfig();
  return (
    <Card title="Saved judge configs" icon={<Save className="h-4 w-4 text-primary" aria-hidden="true" />} testId="caliber-configs">
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) save.mutate({ name: name.trim(), config: { ...config, name: name.trim() }, metrics }, { onSuccess: () => setName('') });
        }}
      >
        <input className={INPUT_CLASS} aria-label="Config name" placeholder="Name this config" value={name} onChange={(e) => setName(e.target.value)} data-testid="config-name" />
        <Button type="submit" disabled={!name.trim() || save.isPending} data-testid="config-save">
          Save
        </Button>
      </form>
      {save.isError ? <div className="mt-2"><ErrorLine text={errorMessage(save.error)} testId="config-save-error" /></div> : null}
      {configs.isError ? <div className="mt-2"><ErrorLine text={errorMessage(configs.error)} testId="configs-error" /></div> : null}
      <ul className="mt-3 divide-y text-sm">
        {(configs.data ?? []).map((c) => (
          <li key={c.id} className="flex items-center justify-between gap-2 py-2" data-testid={`config-${c.id}`}>
            <span className="min-w-0">
              <span className="block truncate font-medium text-ink">{c.name}</span>
              <span className="block text-[11px] text-ink-muted">
                {c.config.model}
                {typeof c.metrics?.cohens_kappa === 'number' ? ` · κ ${c.metrics.cohens_kappa.toFixed(2)}` : ''}
              </span>
            </span>
            <span className="flex gap-1">
              <Button className="px-2 py-1 text-xs" onClick={() => onLoad(c.config)} aria-label={`Load ${c.name}`} data-testid={`config-load-${c.id}`}>
                <FolderOpen className="h-3.5 w-3.5" aria-hidden="true" />
              </Button>
              <Button className="px-2 py-1 text-xs" disabled={remove.isPending} onClick={() => remove.mutate(c.id)} aria-label={`Delete ${c.name}`} data-testid={`config-delete-${c.id}`}>
                <Trash2 className="h-3.5 w-3.5" aria-hidden="true" />
              </Button>
            </span>
          </li>
        ))}
        {configs.data && configs.data.length === 0 ? <li className="py-2 text-xs text-ink-muted">No saved configs.</li> : null}
      </ul>
    </Card>
  );
}
