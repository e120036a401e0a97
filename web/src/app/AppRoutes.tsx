import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppShell } from '../components/AppShell';
import { LoadingBlock } from '../components/evaluate/StateViews';
import { PAGES } from '../lib/pages';
import { pageChunks } from './pageChunks';
import { ComingSoonPage } from '../pages/ComingSoonPage';
import { EvaluateIndex } from '../pages/evaluate/EvaluateIndex';
import { EvaluateLayout } from '../pages/evaluate/EvaluateLayout';
import { HomePage } from '../pages/HomePage';
import { NotFoundPage } from '../pages/NotFoundPage';

const RunnerPage = lazy(pageChunks.runner);
const UploadPage = lazy(pageChunks.upload);
const ScorecardPage = lazy(pageChunks.scorecard);
const DeepDivePage = lazy(pageChunks.deepDive);
const ComparePage = lazy(pageChunks.compare);
const ReportPage = lazy(pageChunks.report);
const AnnotationStudioPage = lazy(pageChunks.annotation);
const ProductionPage = lazy(pageChunks.production);
const MonitoringPage = lazy(pageChunks.monitoring);
const HumanSignalsPage = lazy(pageChunks.humanSignals);
const CaliberHQPage = lazy(pageChunks.caliber);
const MemoryPage = lazy(pageChunks.memory);
const AgentReplayPage = lazy(pageChunks.agentReplay);
const LearnPage = lazy(pageChunks.learn);
const SettingsPage = lazy(pageChunks.settings);

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingBlock />}>{children}</Suspense>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<HomePage />} />
        <Route path="production" element={<Lazy><ProductionPage /></Lazy>} />
        <Route path="evaluate" element={<EvaluateLayout />}>
          <Route index element={<EvaluateIndex />} />
          <Route path="runner" element={<RunnerPage />} />
          <Route path="upload" element={<UploadPage />} />
          <Route path="scorecard" element={<ScorecardPage />} />
          <Route path="deep-dive" element={<DeepDivePage />} />
          <Route path="compare" element={<ComparePage />} />
          <Route path="report" element={<ReportPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route path="comparison" element={<Navigate to="/evaluate/compare" replace />} />
        <Route path="monitoring" element={<Lazy><MonitoringPage /></Lazy>} />
        <Route path="human-signals" element={<Lazy><HumanSignalsPage /></Lazy>} />
        <Route path="annotation-studio" element={<Lazy><AnnotationStudioPage /></Lazy>} />
        <Route path="caliber-hq" element={<Lazy><CaliberHQPage /></Lazy>} />
        <Route path="memory" element={<Lazy><MemoryPage /></Lazy>} />
        <Route path="agent-replay" element={<Lazy><AgentReplayPage /></Lazy>} />
        <Route path="simulation" element={<ComingSoonPage page={PAGES.simulation} />} />
        <Route path="synthetic" element={<ComingSoonPage page={PAGES.synthetic} />} />
        <Route path="learn" element={<Lazy><LearnPage /></Lazy>} />
        <Route path="settings" element={<Lazy><SettingsPage /></Lazy>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
