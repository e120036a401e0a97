import { PlugZap } from 'lucide-react';
import type { ReactNode } from 'react';
import { EmptyState, ErrorBlock, LoadingBlock } from './evaluate/StateViews';
import type { PageInfo } from '../lib/pages';
import { usePlugins } from '../lib/queries';
import { PageHeader } from './PageHeader';

interface PluginGateProps {
  /** The plugin's name in /api/config/plugins. */
  plugin: string;
  /** The page's header, shown above the notice when the page cannot render. */
  page: PageInfo;
  children: ReactNode;
}

/** Renders a plugin page only when the server lists that plugin as enabled; otherwise says why not. */
export function PluginGate({ plugin, page, children }: PluginGateProps) {
  const plugins = usePlugins();
  const entry = plugins.data?.plugins.find((p) => p.name === plugin);
  if (entry?.enabled && !entry.error) return <>{children}</>;
  const title = page.title;
  const header = <PageHeader icon={page.icon} title={title} subtitle={page.subtitle} />;
  if (plugins.isPending) return <div>{header}<LoadingBlock /></div>;
  if (plugins.isError) {
    return (
      <div>
        {header}
        <ErrorBlock error={plugins.error} title="The server's plugin list could not be loaded" onRetry={() => void plugins.refetch()} />
      </div>
    );
  }
  const message = !entry
    ? `This server does not include the ${title} plugin.`
    : entry.error
      ? `The ${title} plugin failed to start: ${entry.error}`
      : `The ${title} plugin is turned off on this server (AXIS_PLUGINS_ENABLED).`;
  return (
    <div>
      {header}
      <EmptyState icon={PlugZap} title={`${title} is not available`} message={message} testId="plugin-unavailable" />
    </div>
  );
}
