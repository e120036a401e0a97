import { BookOpen } from 'lucide-react';
import { Link } from 'react-router-dom';
import { assetUrl } from '../lib/api';
import { useBranding } from '../lib/queries';

export function Footer() {
  const branding = useBranding();
  const icon = assetUrl(branding.footer_icon);
  return (
    <footer
      data-testid="footer"
      className="flex flex-wrap items-center justify-between gap-3 border-t bg-white px-8 py-4 text-xs text-ink-muted"
    >
      <span className="flex items-center gap-2">
        {icon ? <img src={icon} alt="" className="h-4 w-4 object-contain" /> : null}
        <span data-testid="footer-name">{branding.footer_name}</span>
        {branding.tagline ? <span className="hidden sm:inline">· {branding.tagline}</span> : null}
      </span>
      <span className="flex items-center gap-4">
        <Link to="/settings" className="hover:text-primary">
          Settings
        </Link>
        {branding.docs_url ? (
          <a
            href={branding.docs_url}
            target="_blank"
            rel="noreferrer"
            data-testid="footer-docs"
            className="flex items-center gap-1 hover:text-primary"
          >
            <BookOpen className="h-3.5 w-3.5" aria-hidden="true" />
            Documentation
          </a>
        ) : null}
      </span>
    </footer>
  );
}
