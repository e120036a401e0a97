// Which test file checks the replies of which route against its declared schema. Each file ends
// by asserting it checked exactly its list; openapi_snapshot.test.mjs asserts that the lists
// together name every route that declares a reply, so a new declaration needs a check here.

// reply_schemas.test.mjs: no PostgreSQL needed.
export const CORE_ROUTES = [
  'GET /health',
  'GET /api/auth/status',
  'GET /api/config/theme', 'GET /api/config/visibility', 'GET /api/config/agents',
  'GET /api/config/features', 'GET /api/config/plugins', 'GET /api/config/runtime',
  'GET /api/ai/status', 'GET /api/ai/copilot/history', 'DELETE /api/ai/copilot/history',
  'GET /api/reports/status',
  'POST /api/data/upload', 'POST /api/data/detect-format', 'GET /api/data/example/{name}',
  'GET /api/datasets', 'GET /api/datasets/{dataset_id}', 'GET /api/datasets/{dataset_id}/rows',
  'DELETE /api/datasets/{dataset_id}',
  'GET /api/evaluation/scorecard', 'GET /api/evaluation/tree',
  'GET /api/evaluation/metrics/{metric_name}/cases', 'GET /api/evaluation/cases/{case_id}',
  'GET /api/evaluation/compare', 'GET /api/evaluation/compare/cases',
  'GET /api/evaluation/compare/win-loss', 'GET /api/evaluation/compare/agreement',
  'GET /api/evaluation/compare/test-cases',
  'POST /api/analytics/summary', 'POST /api/analytics/distribution', 'POST /api/analytics/comparison',
  'POST /api/analytics/correlation', 'POST /api/analytics/radar', 'POST /api/analytics/scatter',
  'GET /api/annotations', 'PUT /api/annotations/{case_id}', 'DELETE /api/annotations/{case_id}',
  'POST /api/kpi/upload', 'GET /api/kpi/example/{name}', 'GET /api/kpi/categories',
  'GET /api/kpi/trends', 'GET /api/kpi/filters',
  'GET /api/database/defaults', 'GET /api/database/stats',
];

// reply_schemas_monitoring.test.mjs: monitoring, human signals and the store browser.
export const MONITORING_ROUTES = [
  'POST /api/monitoring/upload', 'GET /api/monitoring/example/{name}', 'GET /api/monitoring/db-config',
  ...['summary', 'trends', 'latency-distribution', 'class-distribution', 'metric-breakdown',
    'correlation', 'classification-breakdown', 'classification-trends', 'analysis-insights',
    'alerts'].map((name) => `GET /api/monitoring/analytics/${name}`),
  'POST /api/human-signals/upload', 'GET /api/human-signals/example/{name}',
  'GET /api/human-signals/db-config', 'GET /api/human-signals/cases', 'GET /api/human-signals/metric-schema',
  'GET /api/human-signals/figures', 'GET /api/human-signals/filter-options', 'GET /api/human-signals/trends',
  'GET /api/store/metadata/{dataset}', 'GET /api/store/data/{dataset}', 'GET /api/config/sources',
];

// reply_schemas_pg.test.mjs: needs the throwaway PostgreSQL cluster (AXIS_PG_ENV).
export const PG_ROUTES = [
  'POST /api/database/connect', 'DELETE /api/database/{handle}', 'GET /api/database/{handle}/tables',
  'GET /api/database/{handle}/schema', 'POST /api/database/{handle}/distinct-values',
  'POST /api/database/{handle}/preview', 'POST /api/database/{handle}/query',
  'POST /api/database/{handle}/import', 'POST /api/database/{handle}/query-import',
  'POST /api/data/eval-db-import', 'POST /api/monitoring/db-import', 'POST /api/human-signals/db-import',
  'POST /api/store/sync', 'POST /api/store/sync/{dataset}', 'POST /api/store/sync/{dataset}/reset-watermark',
  'GET /api/store/status',
];

// eval_runner.test.mjs: the eval runner.
export const EVAL_RUNNER_ROUTES = [
  'GET /api/eval-runner/metrics', 'GET /api/eval-runner/example/sample', 'POST /api/eval-runner/upload',
  'POST /api/eval-runner/test-connection', 'POST /api/eval-runner/run', 'GET /api/eval-runner/runs',
  'GET /api/eval-runner/runs/{run_id}', 'DELETE /api/eval-runner/runs/{run_id}',
];

// align.test.mjs: CaliberHQ, with the fake LLM provider.
export const ALIGN_ROUTES = [
  'POST /api/align/evaluate', 'POST /api/align/metrics', 'POST /api/align/analyze-misalignment',
  'POST /api/align/optimize-prompt', 'POST /api/align/suggest-examples', 'POST /api/align/cluster-patterns',
  'GET /api/align/models', 'GET /api/align/defaults', 'GET /api/align/status',
  'POST /api/align/save-config', 'GET /api/align/configs', 'GET /api/align/configs/{config_id}',
  'DELETE /api/align/configs/{config_id}', 'GET /api/align/runs', 'GET /api/align/runs/{run_id}',
  'PUT /api/align/labels', 'GET /api/align/labels',
];

// graph.test.mjs: the knowledge graph (memory plugin), embedded and with the fake FalkorDB.
export const GRAPH_ROUTES = [
  'GET /api/memory/graph', 'GET /api/memory/graph/', 'GET /api/memory/graph/status',
  'GET /api/memory/graph/summary', 'GET /api/memory/graph/search', 'GET /api/memory/graph/neighborhood',
  'POST /api/memory/graph/import',
];

// agent_replay.test.mjs: the agent replay plugin against the fake Langfuse.
export const AGENT_REPLAY_ROUTES = [
  'GET /api/agent-replay/status', 'GET /api/agent-replay/agents', 'GET /api/agent-replay/search',
  'GET /api/agent-replay/traces', 'GET /api/agent-replay/traces/{trace_id}',
  'GET /api/agent-replay/traces/{trace_id}/nodes/{node_id}',
  'GET /api/agent-replay/traces/{trace_id}/steps/{index}',
  'GET /api/agent-replay/traces/{trace_id}/reviews', 'POST /api/agent-replay/reviews',
  'GET /api/agent-replay/datasets',
];

// memory.test.mjs: the memory plugin's rule library.
export const MEMORY_ROUTES = [
  'GET /api/memory/config', 'GET /api/memory/summary', 'GET /api/memory/rules',
  'GET /api/memory/rules/quality', 'GET /api/memory/rules/soft-thresholds', 'GET /api/memory/hard-stops',
  'GET /api/memory/batches', 'GET /api/memory/trace', 'GET /api/memory/conflicts',
  'GET /api/memory/status-counts', 'POST /api/memory/upload', 'GET /api/memory/example',
  'POST /api/memory/rules', 'PUT /api/memory/rules/{id}', 'DELETE /api/memory/rules/{id}',
  'GET /api/config/memory',
];
