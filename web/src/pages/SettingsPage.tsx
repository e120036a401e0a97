import { Settings } from 'lucide-react';
import { PageHeader } from '../components/PageHeader';
import { ApiAccessCard } from '../components/settings/ApiAccessCard';
import { ConnectionCard } from '../components/settings/ConnectionCard';
import { DataSourcesCard } from '../components/settings/DataSourcesCard';
import { PaletteSwatches } from '../components/settings/PaletteSwatches';
import { RuntimeConfigCard } from '../components/settings/RuntimeConfigCard';
import { SecurityBanner } from '../components/settings/SecurityBanner';
import { SettingsActions } from '../components/settings/SettingsActions';
import { StoreCard } from '../components/settings/StoreCard';

export function SettingsPage() {
  return (
    <div>
      <PageHeader
        icon={Settings}
        title="Settings"
        subtitle="Backend connection, API access, analytics store, data sources, resolved configuration and appearance."
      />
      <SecurityBanner />
      <div className="grid items-start gap-6 xl:grid-cols-2">
        <div className="space-y-6">
          <ConnectionCard />
          <ApiAccessCard />
          <StoreCard />
          <DataSourcesCard />
          <PaletteSwatches />
          <SettingsActions />
        </div>
        <RuntimeConfigCard />
      </div>
    </div>
  );
}
