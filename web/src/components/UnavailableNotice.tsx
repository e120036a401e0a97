import { Hourglass } from 'lucide-react';
import { Link } from 'react-router-dom';

interface UnavailableNoticeProps {
  title: string;
}

export function UnavailableNotice({ title }: UnavailableNoticeProps) {
  return (
    <div
      className="flex flex-col items-center rounded-xl border border-dashed bg-white px-6 py-16 text-center"
      data-testid="unavailable-notice"
    >
      <div className="flex h-14 w-14 items-center justify-center rounded-full bg-primary-pale/50 text-primary">
        <Hourglass className="h-7 w-7" aria-hidden="true" />
      </div>
      <p className="mt-5 text-base font-medium text-ink">
        {title} is not available in this version yet.
      </p>
      <p className="mt-2 max-w-md text-sm text-ink-muted">
        This part of AXIS is still being built and will appear here in a later version.
      </p>
      <Link
        to="/"
        className="mt-6 rounded-lg border px-4 py-2 text-sm font-medium text-ink-secondary transition hover:border-primary-soft hover:text-primary"
      >
        Back to Home
      </Link>
    </div>
  );
}
