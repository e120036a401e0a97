import { Link, useLocation } from 'react-router-dom';
import { cn } from '../lib/cn';
import { isActivePath, type NavItem } from '../lib/nav';

interface SidebarLinkProps {
  item: NavItem;
  collapsed: boolean;
}

export function SidebarLink({ item, collapsed }: SidebarLinkProps) {
  const { pathname } = useLocation();
  const active = isActivePath(pathname, item.href);
  const Icon = item.icon;
  return (
    <Link
      to={item.href}
      data-testid={`nav-${item.slug}`}
      data-active={active ? 'true' : 'false'}
      aria-current={active ? 'page' : undefined}
      aria-label={collapsed ? item.name : undefined}
      title={collapsed ? item.name : undefined}
      className={cn(
        'group flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors',
        collapsed && 'justify-center px-0',
        active
          ? 'bg-primary text-white shadow-sm'
          : 'text-ink-muted hover:bg-primary-pale/40 hover:text-ink',
      )}
    >
      <Icon className="h-[18px] w-[18px] shrink-0" aria-hidden="true" />
      {collapsed ? null : (
        <span className="truncate" data-testid="nav-label">
          {item.name}
        </span>
      )}
    </Link>
  );
}
