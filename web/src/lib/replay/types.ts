import type { Reply } from '../../api/replies';

// Reply types: generated from the server's reply schemas (src/api/replies.ts); only the review's
// request body is written out.

export type ReplayStatus = Reply<'AgentReplayStatusReply'>;
export type SearchField = Reply<'AgentReplaySearchField'>;
export type TraceSummary = Reply<'AgentReplayTraceSummary'>;
export type TraceListReply = Reply<'AgentReplayTraceListReply'>;
export type Usage = Reply<'AgentReplayUsage'>;
export type ObservationSummary = Reply<'AgentReplayObservation'>;
export type TreeNode = Reply<'AgentReplayTreeNode'>;
export type StepSummary = Reply<'AgentReplayStep'>;
export type TraceDetail = Reply<'AgentReplayTraceDetail'>;
export type ReviewScore = Reply<'AgentReplayScore'>;
export type ReviewsReply = Reply<'AgentReplayTraceReviewsReply'>;
export type ReplayDataset = Reply<'AgentReplayDataset'>;
export type DatasetsReply = Reply<'AgentReplayDatasetsReply'>;
export type CreatedScore = Reply<'AgentReplayCreatedScore'>;
export type ReviewReply = Reply<'AgentReplayReviewReply'>;

export type Verdict = 'positive' | 'neutral' | 'negative';

/** The body of POST /reviews. */
export interface ReviewBody {
  trace_id: string;
  agent: string | null;
  agent_label: string | null;
  verdict: Verdict;
  failure_observation_id: string | null;
  failure_observation_name: string | null;
  tooling_needs: string;
  rationale: string;
  expected_output: string;
  trace_input: unknown;
  add_to_dataset: boolean;
  dataset_name: string | null;
}
