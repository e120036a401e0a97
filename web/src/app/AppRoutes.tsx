import { Navigate, Route, Routes } from 'react-router-dom';
import { AppShell } from '../components/AppShell';
import { PAGES } from '../lib/pages';
import { ComingSoonPage } from '../pages/ComingSoonPage';
import { EvaluatePage } from '../pages/EvaluatePage';
import { HomePage } from '../pages/HomePage';
import { LearnPage } from '../pages/LearnPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { SettingsPage } from '../pages/SettingsPage';
import { UnavailablePage } from '../pages/UnavailablePage';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<HomePage />} />
        <Route path="production" element={<UnavailablePage page={PAGES.production} />} />
        <Route path="evaluate" element={<Navigate to="/evaluate/runner" replace />} />
        <Route path="evaluate/:tab" element={<EvaluatePage />} />
        <Route path="comparison" element={<Navigate to="/evaluate/compare" replace />} />
        <Route path="monitoring" element={<UnavailablePage page={PAGES.monitoring} />} />
        <Route path="human-signals" element={<UnavailablePage page={PAGES.humanSignals} />} />
        <Route path="annotation-studio" element={<UnavailablePage page={PAGES.annotation} />} />
        <Route path="caliber-hq" element={<UnavailablePage page={PAGES.caliber} />} />
        <Route path="memory" element={<UnavailablePage page={PAGES.memory} />} />
        <Route path="agent-replay" element={<UnavailablePage page={PAGES.agentReplay} />} />
        <Route path="simulation" element={<ComingSoonPage page={PAGES.simulation} />} />
        <Route path="synthetic" element={<ComingSoonPage page={PAGES.synthetic} />} />
        <Route path="learn" element={<LearnPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
