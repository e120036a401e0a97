import { fetchBlob, fetchJson, requestJson, withQuery } from '../api';
import { uploadFile, type UploadOptions } from '../upload/xhrUpload';
import type {
  AgreementResponse,
  CaseResponse,
  CompareCasesResponse,
  CompareResponse,
  TestCasesResponse,
  CorrelationResponse,
  DatasetsResponse,
  DistributionResponse,
  MetricCasesResponse,
  RadarResponse,
  RowsResponse,
  ScatterResponse,
  ScorecardResponse,
  SummaryResponse,
  TreeResponse,
  UploadResponse,
  WinLossResponse,
} from './types';

export type ExampleName = 'model' | 'comparison' | 'annotation' | 'align';

export const UPLOAD_TIMEOUT_MS = 120_000;

/** Uploads an evaluation CSV, reporting progress through `options` (see lib/upload/xhrUpload). */
export function uploadDataset(file: File, options: UploadOptions = {}): Promise<UploadResponse> {
  return uploadFile<UploadResponse>('/api/data/upload', file, { timeoutMs: UPLOAD_TIMEOUT_MS, ...options });
}

export function loadExample(name: ExampleName, signal?: AbortSignal): Promise<UploadResponse> {
  return fetchJson<UploadResponse>(`/api/data/example/${encodeURIComponent(name)}`, { signal, timeoutMs: UPLOAD_TIMEOUT_MS });
}

export function listDatasets(kind?: string, signal?: AbortSignal): Promise<DatasetsResponse> {
  return fetchJson<DatasetsResponse>(withQuery('/api/datasets', { kind }), { signal });
}

export function deleteDataset(id: string): Promise<unknown> {
  return requestJson(`/api/datasets/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function getRows(id: string, page: number, pageSize: number, signal?: AbortSignal): Promise<RowsResponse> {
  return fetchJson<RowsResponse>(
    withQuery(`/api/datasets/${encodeURIComponent(id)}/rows`, { page, page_size: pageSize }),
    { signal },
  );
}

export interface EvalScope {
  datasetId: string;
  evaluationName?: string | null;
}

export function getScorecard({ datasetId, evaluationName }: EvalScope, signal?: AbortSignal): Promise<ScorecardResponse> {
  return fetchJson<ScorecardResponse>(
    withQuery('/api/evaluation/scorecard', { dataset_id: datasetId, evaluation_name: evaluationName }),
    { signal },
  );
}

export function getTree(
  { datasetId, evaluationName }: EvalScope,
  caseId: string | null,
  signal?: AbortSignal,
): Promise<TreeResponse> {
  return fetchJson<TreeResponse>(
    withQuery('/api/evaluation/tree', { dataset_id: datasetId, evaluation_name: evaluationName, case_id: caseId }),
    { signal },
  );
}

export type ScoreBand = 'fail' | 'pass' | 'low' | 'mid' | 'high';

export interface MetricCasesQuery extends EvalScope {
  metric: string;
  page: number;
  pageSize: number;
  sortBy?: 'score' | 'dataset_id';
  sortDir?: 'asc' | 'desc';
  band?: ScoreBand | null;
  search?: string;
}

export function getMetricCases(q: MetricCasesQuery, signal?: AbortSignal): Promise<MetricCasesResponse> {
  return fetchJson<MetricCasesResponse>(
    withQuery(`/api/evaluation/metrics/${encodeURIComponent(q.metric)}/cases`, {
      dataset_id: q.datasetId,
      evaluation_name: q.evaluationName,
      page: q.page,
      page_size: q.pageSize,
      sort_by: q.sortBy,
      sort_dir: q.sortDir,
      band: q.band,
      search: q.search?.trim(),
    }),
    { signal },
  );
}

export function getCase(scope: EvalScope, caseId: string, signal?: AbortSignal): Promise<CaseResponse> {
  return fetchJson<CaseResponse>(
    withQuery(`/api/evaluation/cases/${encodeURIComponent(caseId)}`, {
      dataset_id: scope.datasetId,
      evaluation_name: scope.evaluationName,
    }),
    { signal },
  );
}

export interface PairScope {
  datasetId: string;
  baseline: string;
  challenger: string;
}

export function getComparison(p: PairScope, signal?: AbortSignal): Promise<CompareResponse> {
  return fetchJson<CompareResponse>(
    withQuery('/api/evaluation/compare', { dataset_id: p.datasetId, baseline: p.baseline, challenger: p.challenger }),
    { signal },
  );
}

export type CaseFilter = 'all' | 'top' | 'bottom' | 'high_variance' | 'show_diff';

export interface CompareCasesQuery extends PairScope {
  filter: CaseFilter;
  winner?: string | null;
  search?: string;
  page: number;
  pageSize: number;
}

/** The comparison list's choice, quick filter, winner and search as query parameters. */
function compareListParams(q: Omit<CompareCasesQuery, 'page' | 'pageSize'>) {
  return { dataset_id: q.datasetId, baseline: q.baseline, challenger: q.challenger, filter: q.filter, winner: q.winner, search: q.search?.trim() };
}

export function getCompareCases(q: CompareCasesQuery, signal?: AbortSignal): Promise<CompareCasesResponse> {
  return fetchJson<CompareCasesResponse>(withQuery('/api/evaluation/compare/cases', { ...compareListParams(q), page: q.page, page_size: q.pageSize }), { signal });
}

export type CompareExportFormat = 'csv' | 'json' | 'md';

/** Every case of the comparison list (same filters, all pages) as a file written by the server: CSV, JSON or Markdown. */
export function exportCompareCases(q: Omit<CompareCasesQuery, 'page' | 'pageSize'>, format: CompareExportFormat = 'csv', signal?: AbortSignal): Promise<Blob> {
  return fetchBlob(withQuery('/api/evaluation/compare/export', { ...compareListParams(q), format: format === 'csv' ? undefined : format }), signal);
}

/** The quick filters of the Test Cases list (the server ranks; see docs/evaluation.md). */
export type TestCasesView = 'all' | 'top' | 'bottom' | 'high_variance' | 'diff';

export interface TestCasesFilter {
  datasetId: string;
  /** data_metadata key → accepted values (any of them); every key must match. */
  metadata: Record<string, string[]>;
  search?: string;
  view?: TestCasesView;
  /** Score cases by this metric instead of the overall score. */
  metric?: string | null;
  /** Dataset columns shown with each case (at most 3). */
  fields?: string[];
}

export interface TestCasesQuery extends TestCasesFilter {
  page: number;
  pageSize: number;
}

function testCasesParams(q: TestCasesFilter): URLSearchParams {
  const params = new URLSearchParams({ dataset_id: q.datasetId });
  for (const [key, values] of Object.entries(q.metadata)) for (const v of values) params.append(`meta.${key}`, v);
  if (q.search?.trim()) params.set('search', q.search.trim());
  if (q.view && q.view !== 'all') params.set('view', q.view);
  if (q.metric) params.set('metric', q.metric);
  if (q.fields?.length) params.set('fields', q.fields.join(','));
  return params;
}

/** The Test Cases mode: every case with its score per experiment, KPIs, spread, metric means and metadata values. */
export function getTestCases(q: TestCasesQuery, signal?: AbortSignal): Promise<TestCasesResponse> {
  const params = testCasesParams(q);
  params.set('page', String(q.page));
  params.set('page_size', String(q.pageSize));
  return fetchJson<TestCasesResponse>(`/api/evaluation/compare/test-cases?${params}`, { signal });
}

/** Every case of the Test Cases list (same filters, view, metric and fields; all pages) as CSV written by the server. */
export function exportTestCases(q: TestCasesFilter, signal?: AbortSignal): Promise<Blob> {
  return fetchBlob(`/api/evaluation/compare/test-cases/export?${testCasesParams(q)}`, signal);
}

export function getWinLoss(datasetId: string, signal?: AbortSignal): Promise<WinLossResponse> {
  return fetchJson<WinLossResponse>(withQuery('/api/evaluation/compare/win-loss', { dataset_id: datasetId }), { signal });
}

export function getAgreement(datasetId: string, signal?: AbortSignal): Promise<AgreementResponse> {
  return fetchJson<AgreementResponse>(withQuery('/api/evaluation/compare/agreement', { dataset_id: datasetId }), { signal });
}

function analytics<T>(name: string, params: Record<string, string | number | undefined>, signal?: AbortSignal): Promise<T> {
  return requestJson<T>(withQuery(`/api/analytics/${name}`, params), { method: 'POST', body: [], signal });
}

export function getDistribution(datasetId: string, metric: string, bins = 20, signal?: AbortSignal) {
  return analytics<DistributionResponse>('distribution', { dataset_id: datasetId, metric, bins }, signal);
}

export function getCorrelation(datasetId: string, signal?: AbortSignal) {
  return analytics<CorrelationResponse>('correlation', { dataset_id: datasetId }, signal);
}

export function getRadar(datasetId: string, signal?: AbortSignal) {
  return analytics<RadarResponse>('radar', { dataset_id: datasetId }, signal);
}

export function getScatter(datasetId: string, xMetric: string, yMetric: string, signal?: AbortSignal) {
  return analytics<ScatterResponse>('scatter', { dataset_id: datasetId, x_metric: xMetric, y_metric: yMetric }, signal);
}

export function getSummary(datasetId: string, signal?: AbortSignal) {
  return analytics<SummaryResponse>('summary', { dataset_id: datasetId }, signal);
}
