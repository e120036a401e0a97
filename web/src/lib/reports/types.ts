import type { Reply } from '../../api/replies';

// Reply type: generated from the server's reply schemas (src/api/replies.ts).
export type ReportsStatus = Reply<'ReportsStatusReply'>;

// Requests, settings and stream events.
export interface ReportSettings {
  mode: string;
  reportType: string;
  scoreThreshold: number;
  maxIssues: number;
}

export interface ReportRequest {
  dataset_id: string;
  mode: string;
  report_type: string;
  extraction_config: { score_threshold: number; max_issues: number };
}

export interface InsightPattern {
  category: string;
  description: string;
  count: number | null;
}
