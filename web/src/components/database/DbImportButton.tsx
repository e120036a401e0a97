import { Database } from 'lucide-react';
import { useCallback, useState } from 'react';
import type { DbStore } from '../../lib/database/types';
import { useRememberUpload } from '../../lib/evaluate/queries';
import type { StoredResponse } from '../../lib/evaluate/types';
import { Button } from '../Button';
import { DbImportWizard } from './DbImportWizard';

interface DbImportButtonProps {
  store: DbStore;
  /** What the page does after its own upload succeeded (select the new dataset…). */
  onImported: (response: StoredResponse) => void;
  className?: string;
}

/** "Import from database": opens the wizard; an import is then handled like an upload of the page's store, and its message stays shown here. */
export function DbImportButton({ store, onImported, className }: DbImportButtonProps) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const remember = useRememberUpload();
  const close = useCallback(() => setOpen(false), []);

  const imported = (response: StoredResponse) => {
    remember(response);
    onImported(response);
    setMessage(response.message ?? 'Imported from the database.');
    setOpen(false);
  };

  return (
    <div className={className ?? 'flex flex-wrap items-center gap-2'}>
      {message ? (
        <span className="text-xs text-success" role="status" data-testid="db-import-message">
          {message}
        </span>
      ) : null}
      <Button
        onClick={() => {
          setMessage(null);
          setOpen(true);
        }}
        data-testid="db-import-button"
      >
        <Database className="h-4 w-4" aria-hidden="true" />
        Import from database
      </Button>
      {open ? <DbImportWizard store={store} onClose={close} onImported={imported} /> : null}
    </div>
  );
}
