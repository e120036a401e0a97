import { clampMaxIssues, clampThreshold } from '../../lib/reports/settings';
import type { ReportRequest, ReportSettings } from '../../lib/reports/types';

/** The server's context fields, used when its status does not list them. */
export const CONTEXT_FIELDS = ['query', 'actual_output', 'expected_output', 'retrieved_content', 'conversation', 'signals', 'critique'];
/** The fields the server includes when the request names none. */
export const DEFAULT_CONTEXT_FIELDS = ['query', 'actual_output', 'expected_output', 'signals'];

/** What the Scorecard's report settings add to the Report tab's: sampling, metric and context choices. */
export interface ReportScope {
  sampleRate: number;
  /** Metric names whose issues are analysed; empty for all. */
  metrics: string[];
  contextFields: string[];
}

export interface ScopedReportRequest extends ReportRequest {
  extraction_config: ReportRequest['extraction_config'] & {
    sample_rate: number;
    metric_filters: string[];
    include_context_fields: string[];
  };
}

export function clampSampleRate(value: number): number {
  if (!Number.isFinite(value)) return 1;
  return Math.min(1, Math.max(0.01, value));
}

/** A node and every node below it, in the scorecard's order. */
export function subtreeMetrics(nodes: ReadonlyArray<{ metric_name: string; parent?: string | null }>, name: string): string[] {
  const inside = new Set([name]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of nodes) {
      if (n.parent && inside.has(n.parent) && !inside.has(n.metric_name)) {
        inside.add(n.metric_name);
        grew = true;
      }
    }
  }
  return nodes.map((n) => n.metric_name).filter((m) => inside.has(m));
}

export function scopedReportRequest(datasetId: string, s: ReportSettings, scope: ReportScope): ScopedReportRequest {
  return {
    dataset_id: datasetId,
    mode: s.mode,
    report_type: s.reportType,
    extraction_config: {
      score_threshold: clampThreshold(s.scoreThreshold),
      max_issues: clampMaxIssues(s.maxIssues),
      sample_rate: clampSampleRate(scope.sampleRate),
      metric_filters: scope.metrics,
      include_context_fields: scope.contextFields,
    },
  };
}
