import { LockKeyhole } from 'lucide-react';
import { useId, type ReactNode } from 'react';

interface AuthScreenProps {
  title: string;
  children: ReactNode;
}

/** A card over the whole window that cannot be dismissed; whatever page is open stays underneath. */
export function AuthScreen({ title, children }: AuthScreenProps) {
  const titleId = useId();
  return (
    <div className="fixed inset-0 z-[60] flex items-center justify-center bg-canvas/95 p-4 backdrop-blur-sm">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="auth-gate"
        className="w-full max-w-md rounded-2xl border bg-white p-6 shadow-lift"
      >
        <div className="mb-4 flex items-center gap-3">
          <div className="flex h-10 w-10 shrink-0 items-center justify-center rounded-xl bg-primary-pale/60 text-primary">
            <LockKeyhole className="h-5 w-5" aria-hidden="true" />
          </div>
          <h2 id={titleId} className="text-base font-semibold text-ink">
            {title}
          </h2>
        </div>
        {children}
      </div>
    </div>
  );
}
