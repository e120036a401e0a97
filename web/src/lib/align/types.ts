import type { Reply } from '../../api/replies';

// Reply types: generated from the server's reply schemas (src/api/replies.ts).

// The judge, its results and the agreement figures.
export type FewShotExample = Reply<'AlignFewShotExample'>;
export type JudgeConfig = Reply<'AlignJudgeConfig'>;
export type AlignmentResult = Reply<'AlignResult'>;
export type AlignmentMetrics = Reply<'AlignMetrics'>;
export type ConfidenceIntervals = NonNullable<AlignmentMetrics['confidence_intervals']>;
export type Interval = ConfidenceIntervals['cohens_kappa'];
export type EvaluateResponse = Reply<'AlignEvaluateReply'>;
export type JudgeRunSummary = Reply<'AlignRunSummary'>;
export type JudgeRunsResponse = Reply<'AlignRunsReply'>;
export type JudgeRunResponse = Reply<'AlignRunReply'>;

// Labels.
export type LabelsResponse = Reply<'AlignLabelsReply'>;
export type StoredLabel = LabelsResponse['annotations'][string];
export type SaveLabelsResponse = Reply<'AlignLabelsSavedReply'>;

// Models, status and defaults.
export type AlignModelsResponse = Reply<'AlignModelsReply'>;
export type AlignModel = AlignModelsResponse['models'][number];
export type AlignStatus = Reply<'AlignStatusReply'>;
export type AlignDefaults = Reply<'AlignDefaultsReply'>;

// Analyses.
export type ClusterResponse = Reply<'AlignClusterReply'>;
export type PatternCluster = ClusterResponse['patterns'][number];
export type Learning = Reply<'AlignLearning'>;
export type MisalignmentResponse = Reply<'AlignAnalysisReply'>;
export type MisalignmentAnalysis = MisalignmentResponse['analysis'];
export type MisalignmentPattern = MisalignmentAnalysis['patterns'][number];
export type OptimizeResponse = Reply<'AlignOptimizeReply'>;
export type OptimizedPrompt = OptimizeResponse['optimized'];
export type PromptSuggestion = OptimizedPrompt['suggestions'][number];
export type SuggestExamplesResponse = Reply<'AlignSuggestReply'>;

// Saved configurations.
export type SavedConfig = Reply<'AlignSavedConfig'>;
export type SavedConfigsResponse = Reply<'AlignConfigsReply'>;
export type SaveConfigResponse = Reply<'AlignSaveConfigReply'>;
export type MessageResponse = Reply<'MessageReply'>;

// Request bodies and client-side shapes.

/** A record of the uploaded file: column name to value. */
export type AlignRecord = Record<string, unknown>;

/** A human label or a judge's verdict: 0 rejected, 1 accepted. */
export type HumanScore = 0 | 1;

export interface EvaluateRequest {
  records: AlignRecord[];
  human_annotations: Record<string, HumanScore>;
  judge_config: JudgeConfig;
}

/** A label as the page edits it and `PUT /labels` takes it. */
export interface Label {
  score: HumanScore;
  notes?: string;
}

export type Labels = Record<string, Label>;

/** The server answers `bertopic` and `hybrid` with 501: the page shows them disabled. */
export type ClusterMethod = 'llm' | 'bertopic' | 'hybrid';

export type ExampleStrategy = 'diverse' | 'representative' | 'edge_cases' | 'recent';
