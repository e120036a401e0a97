import { ChevronsLeft, ChevronsRight, Settings } from 'lucide-react';
import { buildNav } from '../lib/nav';
import { cn } from '../lib/cn';
import { usePlugins } from '../lib/queries';
import { useUiStore } from '../stores/uiStore';
import { CopilotButton } from './CopilotButton';
import { SidebarBrand } from './SidebarBrand';
import { SidebarLink } from './SidebarLink';
import { SidebarSection } from './SidebarSection';

const SETTINGS_ITEM = {
  name: 'Settings',
  href: '/settings',
  slug: 'settings',
  icon: Settings,
  section: 'main' as const,
};

export function Sidebar() {
  const collapsed = useUiStore((s) => s.sidebarCollapsed);
  const toggle = useUiStore((s) => s.toggleSidebar);
  const { data: plugins } = usePlugins();
  const nav = buildNav(plugins?.plugins);
  const ToggleIcon = collapsed ? ChevronsRight : ChevronsLeft;

  return (
    <aside
      data-testid="sidebar"
      data-collapsed={collapsed ? 'true' : 'false'}
      className={cn(
        'sticky top-0 flex h-screen shrink-0 flex-col border-r bg-white transition-[width] duration-200',
        collapsed ? 'w-sidebar-collapsed' : 'w-sidebar',
      )}
    >
      <SidebarBrand collapsed={collapsed} />
      <div className="flex-1 overflow-y-auto px-3 py-5">
        <SidebarSection caption="Main" items={nav.main} collapsed={collapsed} />
        <SidebarSection caption="Tools" items={nav.tools} collapsed={collapsed} />
      </div>
      <div className="flex flex-col gap-1 border-t px-3 py-4">
        <CopilotButton collapsed={collapsed} />
        <SidebarLink item={SETTINGS_ITEM} collapsed={collapsed} />
        <button
          type="button"
          data-testid="sidebar-collapse"
          aria-expanded={!collapsed}
          aria-label={collapsed ? 'Expand sidebar' : 'Collapse sidebar'}
          title={collapsed ? 'Expand sidebar' : 'Collapse sidebar'}
          onClick={toggle}
          className={cn(
            'flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium text-ink-muted transition hover:bg-canvas hover:text-ink',
            collapsed && 'justify-center px-0',
          )}
        >
          <ToggleIcon className="h-[18px] w-[18px] shrink-0" aria-hidden="true" />
          {collapsed ? null : <span data-testid="nav-label">Collapse</span>}
        </button>
      </div>
    </aside>
  );
}
