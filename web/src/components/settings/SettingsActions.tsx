import { Download, Trash2, Wrench } from 'lucide-react';
import { useState } from 'react';
import { downloadText } from '../../lib/download';
import { useFeatures, useRuntimeConfig, useThemeConfig } from '../../lib/queries';
import { clearAxisStorage } from '../../lib/storage';
import { Button } from '../Button';
import { Card } from '../Card';
import { Modal } from '../Modal';

export function SettingsActions() {
  const { data: theme } = useThemeConfig();
  const features = useFeatures();
  const { data: runtime } = useRuntimeConfig();
  const [confirming, setConfirming] = useState(false);
  const [cleared, setCleared] = useState<number | null>(null);

  const exportSettings = () => {
    const payload = {
      exported_at: new Date().toISOString(),
      theme: theme ?? null,
      features,
      runtime: runtime ?? null,
    };
    downloadText('axis-settings.json', `${JSON.stringify(payload, null, 2)}\n`, 'application/json');
  };

  const clear = () => {
    setCleared(clearAxisStorage().length);
    setConfirming(false);
  };

  return (
    <Card title="Maintenance" icon={<Wrench className="h-4 w-4 text-primary" aria-hidden="true" />} testId="settings-actions">
      <div className="flex flex-wrap gap-3">
        <Button variant="primary" onClick={exportSettings} data-testid="export-settings">
          <Download className="h-4 w-4" aria-hidden="true" />
          Export Settings
        </Button>
        <Button onClick={() => setConfirming(true)} data-testid="clear-storage">
          <Trash2 className="h-4 w-4" aria-hidden="true" />
          Clear Local Storage
        </Button>
      </div>
      <p className="mt-3 text-xs text-ink-muted">
        Export saves the theme, feature flags and resolved server configuration as JSON. Clearing local storage resets
        this browser&apos;s saved preferences, such as the collapsed sidebar.
      </p>
      {cleared !== null ? (
        <p className="mt-2 text-sm text-success" data-testid="clear-result">
          Cleared {cleared} saved {cleared === 1 ? 'entry' : 'entries'}. Reload the page to start fresh.
        </p>
      ) : null}
      <Modal
        open={confirming}
        title="Clear local storage?"
        onClose={() => setConfirming(false)}
        testId="clear-confirm"
        footer={
          <>
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
            <Button variant="danger" onClick={clear} data-testid="clear-confirm-button">
              Clear
            </Button>
          </>
        }
      >
        <p className="text-sm text-ink-secondary">
          This removes every AXIS preference saved in this browser. Data stored on the server is not affected.
        </p>
      </Modal>
    </Card>
  );
}
