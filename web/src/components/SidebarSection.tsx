import type { NavItem } from '../lib/nav';
import { SidebarLink } from './SidebarLink';

interface SidebarSectionProps {
  caption: string;
  items: NavItem[];
  collapsed: boolean;
}

export function SidebarSection({ caption, items, collapsed }: SidebarSectionProps) {
  return (
    <div className="mb-5" role="group" aria-label={caption}>
      {collapsed ? (
        <div className="mx-4 mb-2 border-t" aria-hidden="true" />
      ) : (
        <p
          data-testid={`sidebar-caption-${caption.toLowerCase()}`}
          aria-hidden="true"
          className="mb-2 px-3 text-[11px] font-semibold uppercase tracking-[0.08em] text-ink-muted"
        >
          {caption}
        </p>
      )}
      <nav className="flex flex-col gap-0.5" aria-label={`${caption} navigation`}>
        {items.map((item) => (
          <SidebarLink key={item.href} item={item} collapsed={collapsed} />
        ))}
      </nav>
    </div>
  );
}
