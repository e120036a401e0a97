import { Link } from 'react-router-dom';

/** An empty section: what is missing and where to load it. */
export function NoData({ title, to, linkText, testId }: { title: string; to: string; linkText: string; testId?: string }) {
  return (
    <div className="py-6 text-center" data-testid={testId}>
      <p className="text-sm font-semibold text-ink">{title}</p>
      <Link to={to} className="mt-1 inline-block text-sm text-primary hover:underline">
        {linkText}
      </Link>
    </div>
  );
}
