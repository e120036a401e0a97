/**
 * Reply of GET /api/config/sources. Declared here until the server's reply schemas are in
 * api/openapi.json; then SourceEntry becomes Reply<'DataSource'> and SourcesResponse
 * Reply<'SourcesReply'>, like the other config replies.
 */

/** The data kinds a source can have rows in (the newest dataset of each kind). */
export type SourceKind = 'monitoring' | 'human_signals' | 'kpi';

export interface SourceEntry {
  /** The agent's name when registered, else the raw source_name value; what every source_name= filter takes. */
  id: string;
  label: string;
  role: string;
  avatar: string;
  description: string;
  registered: boolean;
  active: boolean;
  /** The stored source_name values this entry covers (the agent name and its trace_names). */
  source_names: string[];
  rows: Record<SourceKind, number>;
}

export interface SourcesResponse {
  success: boolean;
  sources: SourceEntry[];
}
