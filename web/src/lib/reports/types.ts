export interface ReportsStatus {
  available: boolean;
  providers: string[];
  default_model: string;
  report_types: string[];
  report_modes: string[];
  available_context_fields: string[];
}

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
