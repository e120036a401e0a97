import type { Reply } from '../../api/replies';

// Reply types: generated from the server's reply schemas (src/api/replies.ts).

// Datasets, uploads and their rows.
export type DatasetColumn = Reply<'DatasetColumn'>;
export type Dataset = Reply<'Dataset'>;
export type Row = Reply<'Row'>;
export type UploadResponse = Reply<'UploadReply'>;
/** The reply of any route that stores a dataset: an upload, an example or a database import. */
export type StoredResponse = Reply<'DatasetImportReply'>;
export type DatasetsResponse = Reply<'DatasetListReply'>;
export type DatasetResponse = Reply<'DatasetReply'>;
export type RowsResponse = Reply<'DatasetRowsReply'>;

// Scorecard, metric tree and cases.
export type ScorecardNode = Reply<'ScorecardNode'>;
export type ScorecardResponse = Reply<'ScorecardReply'>;
export type TreeNode = Reply<'TreeNode'>;
export type TreeResponse = Reply<'TreeReply'>;
export type MetricCase = Reply<'MetricCase'>;
export type MetricCasesResponse = Reply<'MetricCasesReply'>;
export type CaseMetric = Reply<'CaseMetric'>;
export type CaseDetail = Reply<'CaseDetail'>;
export type CaseResponse = Reply<'CaseReply'>;

// Experiments compared.
export type GroupStats = Reply<'SampleStats'>;
export type MetricComparison = Reply<'MetricComparison'>;
export type CompareSummary = Reply<'CompareSummary'>;
export type CompareResponse = Reply<'CompareReply'>;
export type CompareCase = Reply<'CompareCase'>;
export type CaseWinner = CompareCase['winner'];
export type CompareCasesResponse = Reply<'CompareCasesReply'>;
export type WinLossResponse = Reply<'WinLossReply'>;
export type AgreementPair = Reply<'AgreementPair'>;
export type AgreementResponse = Reply<'AgreementReply'>;
export type TestCasesResponse = Reply<'CompareTestCasesReply'>;
export type TestCaseRow = Reply<'TestCaseRow'>;
export type ExperimentSpread = Reply<'ExperimentSpread'>;
export type MetadataFilterKey = Reply<'MetadataFilterKey'>;

// Charts over a dataset (/api/analytics).
export type DistributionResponse = Reply<'DistributionReply'>;
export type CorrelationResponse = Reply<'CorrelationReply'>;
export type RadarResponse = Reply<'RadarReply'>;
export type ScatterResponse = Reply<'ScatterReply'>;
export type SummaryResponse = Reply<'AnalyticsSummaryReply'>;

// Client-side shapes.
/** A node the metric tree chart draws: a TreeReply node, or one built from the scorecard (fewer figures). */
export type ChartTreeNode = Pick<TreeNode, 'name'> &
  Partial<Omit<TreeNode, 'name' | 'score' | 'children'>> & { score?: number | null; children?: ChartTreeNode[] };

export type DatasetFormat = 'tree_format' | 'flat_format' | 'simple_judgment' | 'fresh_annotation' | 'eval_runner' | string;
export type DatasetKind = 'evaluation' | 'annotation' | 'calibration' | string;
