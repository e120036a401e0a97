/**
 * The code of each lazily loaded page. The router renders them (AppRoutes) and the start-up
 * prefetch asks for the current page's chunk before sign-in and the shell are settled
 * (routePrefetch), so both share these imports.
 */
export const pageChunks = {
  runner: () => import('../pages/evaluate/RunnerPage'),
  upload: () => import('../pages/evaluate/UploadPage'),
  scorecard: () => import('../pages/evaluate/ScorecardPage'),
  deepDive: () => import('../pages/evaluate/DeepDivePage'),
  compare: () => import('../pages/evaluate/ComparePage'),
  report: () => import('../pages/evaluate/ReportPage'),
  annotation: () => import('../pages/annotation/AnnotationStudioPage'),
  production: () => import('../pages/production/ProductionPage'),
  monitoring: () => import('../pages/monitoring/MonitoringPage'),
  humanSignals: () => import('../pages/signals/HumanSignalsPage'),
  caliber: () => import('../pages/caliber/CaliberHQPage'),
  memory: () => import('../pages/memory/MemoryPage'),
  agentReplay: () => import('../pages/replay/AgentReplayPage'),
  learn: () => import('../pages/LearnPage').then((m) => ({ default: m.LearnPage })),
  settings: () => import('../pages/SettingsPage').then((m) => ({ default: m.SettingsPage })),
};

export type PageChunk = keyof typeof pageChunks;
