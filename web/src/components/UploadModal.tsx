import { AlertTriangle, FileUp } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Button } from './Button';
import { Modal } from './Modal';

interface UploadModalProps {
  open: boolean;
  onClose: () => void;
  /** The name of the data the page shows now; the dialog is then "Replace data…" and warns that it is replaced. */
  currentName?: string | null;
  /** The title when nothing is loaded yet. */
  title?: string;
  testId: string;
  /** The upload itself (a FileUpload for the page's target). */
  children: ReactNode;
}

/**
 * The upload dialog: "Upload Evaluation Data" when nothing is loaded, or "Replace data…" with an
 * amber warning naming the current file. Escape, the close button and the backdrop close it.
 */
export function UploadModal({ open, onClose, currentName, title = 'Upload Evaluation Data', testId, children }: UploadModalProps) {
  return (
    <Modal open={open} title={currentName ? 'Replace data…' : title} onClose={onClose} className="max-w-2xl" testId={testId}>
      {currentName ? (
        <div className="mb-4 flex gap-2.5 rounded-lg border border-warning/40 bg-warning/10 px-4 py-3 text-sm text-ink" role="note" data-testid={`${testId}-warning`}>
          <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0 text-[#9a5b00]" aria-hidden="true" />
          <p>
            This page shows <strong data-testid={`${testId}-current`}>{currentName}</strong>. The file you load replaces it here; {currentName} stays
            stored and can be chosen again from the dataset list.
          </p>
        </div>
      ) : null}
      {children}
    </Modal>
  );
}

interface ReplaceDataButtonProps {
  currentName?: string | null;
  /** The dialog's title when nothing is loaded yet (UploadModal's default otherwise). */
  title?: string;
  testId: string;
  /** Renders the upload; `close` is called once it has loaded. */
  children: (close: () => void) => ReactNode;
}

/** A "Replace data…" button and the UploadModal it opens. */
export function ReplaceDataButton({ currentName, title, testId, children }: ReplaceDataButtonProps) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid={`${testId}-add-data`} aria-haspopup="dialog">
        <FileUp className="h-4 w-4" aria-hidden="true" />
        Replace data…
      </Button>
      <UploadModal open={open} onClose={close} currentName={currentName} title={title} testId={`${testId}-add-modal`}>
        {open ? children(close) : null}
      </UploadModal>
    </>
  );
}
