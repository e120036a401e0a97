import { Outlet } from 'react-router-dom';
import { CopilotPanel } from './copilot/CopilotPanel';
import { Footer } from './Footer';
import { Sidebar } from './Sidebar';

export function AppShell() {
  return (
    <div className="flex min-h-screen bg-canvas font-sans text-ink">
      <Sidebar />
      <div className="flex min-w-0 flex-1 flex-col">
        <main className="flex-1 px-8 py-8" data-testid="main">
          <div className="mx-auto w-full max-w-7xl">
            <Outlet />
          </div>
        </main>
        <Footer />
      </div>
      <CopilotPanel />
    </div>
  );
}
