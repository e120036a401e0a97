import { Link } from 'react-router-dom';
import { assetUrl } from '../lib/api';
import { useBranding, usePalette } from '../lib/queries';
import { GradientText } from './GradientText';

interface SidebarBrandProps {
  collapsed: boolean;
}

export function SidebarBrand({ collapsed }: SidebarBrandProps) {
  const branding = useBranding();
  const palette = usePalette();
  const icon = assetUrl(palette.appIconUrl);
  return (
    <Link
      to="/"
      data-testid="sidebar-brand"
      className="flex h-16 items-center gap-3 border-b px-5"
    >
      {icon ? (
        <img src={icon} alt="" className="h-8 w-8 shrink-0 rounded-lg object-contain" />
      ) : (
        <span aria-hidden="true" className="flex h-8 w-8 shrink-0 items-center justify-center rounded-lg bg-gradient-to-br from-primary to-primary-dark text-sm font-bold text-white">
          {branding.app_name.charAt(0).toUpperCase()}
        </span>
      )}
      {/* The name "<app> home" comes from the text, so the visible name is part of it. */}
      {collapsed ? (
        <span className="sr-only">{branding.app_name} home</span>
      ) : (
        <>
          <GradientText className="truncate text-xl font-bold tracking-tight" testId="brand-name">
            {branding.app_name}
          </GradientText>
          <span className="sr-only"> home</span>
        </>
      )}
    </Link>
  );
}
