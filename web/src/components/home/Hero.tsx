import { ArrowRight, BookOpen } from 'lucide-react';
import { Link } from 'react-router-dom';
import { cn } from '../../lib/cn';
import { assetUrl } from '../../lib/api';
import { useBranding, usePalette } from '../../lib/queries';
import { isDarkHero } from '../../lib/theme';

export function Hero() {
  const branding = useBranding();
  const palette = usePalette();
  const dark = isDarkHero(palette);
  const image = assetUrl(palette.heroImage);
  const shimmer = Boolean(palette.shimmerFrom && palette.shimmerTo);

  return (
    <section
      data-testid="hero"
      data-hero-mode={dark ? 'dark' : 'light'}
      className={cn(
        'relative overflow-hidden rounded-2xl border px-10 py-12 shadow-card',
        dark ? 'border-primary-dark text-white' : 'text-ink',
      )}
      style={{
        backgroundImage: dark
          ? 'linear-gradient(135deg, var(--primary-dark) 0%, var(--primary) 60%, var(--primary-light) 100%)'
          : 'linear-gradient(135deg, #FFFFFF 0%, rgb(var(--primary-pale-rgb) / 0.55) 100%)',
      }}
    >
      {image ? (
        <div
          aria-hidden="true"
          data-testid="hero-image"
          className="absolute inset-0 bg-cover bg-center"
          style={{ backgroundImage: 'var(--hero-image)', filter: 'var(--hero-filter)', opacity: 'var(--hero-opacity)' }}
        />
      ) : null}
      {image ? (
        <div
          aria-hidden="true"
          className="absolute inset-0"
          style={{
            backgroundImage: dark
              ? 'linear-gradient(90deg, rgb(var(--primary-dark-rgb) / 0.92) 0%, rgb(var(--primary-dark-rgb) / 0.55) 55%, transparent 100%)'
              : 'linear-gradient(90deg, rgb(255 255 255 / 0.94) 0%, rgb(255 255 255 / 0.6) 55%, transparent 100%)',
          }}
        />
      ) : null}
      <div
        aria-hidden="true"
        className={cn(
          'pointer-events-none absolute -right-24 -top-24 h-72 w-72 rounded-full blur-3xl',
          dark ? 'bg-white/10' : 'bg-primary-soft/30',
        )}
      />
      <div className="relative max-w-2xl">
        <p
          className={cn(
            'text-xs font-semibold uppercase tracking-[0.18em]',
            dark ? 'text-accent-gold' : 'text-primary',
          )}
        >
          {branding.tagline}
        </p>
        <h1
          data-testid="hero-title"
          className={cn('mt-3 text-5xl font-bold tracking-tight', shimmer && 'axis-shimmer')}
        >
          {branding.app_name}
        </h1>
        <p className={cn('mt-4 text-lg leading-relaxed', dark ? 'text-white/85' : 'text-ink-secondary')}>
          {branding.subtitle}
        </p>
        {branding.description ? (
          <p className={cn('mt-2 text-sm leading-relaxed', dark ? 'text-white/70' : 'text-ink-muted')}>
            {branding.description}
          </p>
        ) : null}
        <div className="mt-8 flex flex-wrap gap-3">
          <Link
            to="/production"
            data-testid="hero-production"
            className={cn(
              'inline-flex items-center gap-2 rounded-lg px-5 py-2.5 text-sm font-semibold shadow-sm transition',
              dark ? 'bg-white text-primary-dark hover:bg-primary-pale' : 'bg-primary text-white hover:bg-primary-dark',
            )}
          >
            Production Overview
            <ArrowRight className="h-4 w-4" aria-hidden="true" />
          </Link>
          <Link
            to="/learn"
            data-testid="hero-guides"
            className={cn(
              'inline-flex items-center gap-2 rounded-lg border px-5 py-2.5 text-sm font-semibold transition',
              dark
                ? 'border-white/40 text-white hover:bg-white/10'
                : 'border-primary-soft bg-white text-primary hover:bg-primary-pale/40',
            )}
          >
            <BookOpen className="h-4 w-4" aria-hidden="true" />
            User Guides
          </Link>
        </div>
      </div>
    </section>
  );
}
