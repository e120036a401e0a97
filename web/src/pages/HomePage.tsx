import { AgentsSection } from '../components/home/AgentsSection';
import { Hero } from '../components/home/Hero';
import { ModuleTiles } from '../components/home/ModuleTiles';
import { ServerStatusCard } from '../components/home/ServerStatusCard';

export function HomePage() {
  return (
    <div className="space-y-8">
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_320px]">
        <Hero />
        <ServerStatusCard />
      </div>
      <ModuleTiles />
      <AgentsSection />
    </div>
  );
}
