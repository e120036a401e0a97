// Reply shapes of the memory plugin (/api/memory and /api/memory/graph). Rules come over the wire
// with any JSON value in a role (Wire* types) and are normalised (normalize.ts) to text roles and
// string lists before the page sees them.

/** A rule keyed by role (id, name, action, …); list roles (mitigants, data_fields) are arrays. */
export interface MemoryRule {
  id: string;
  name: string;
  action: string;
  category: string;
  group_by: string;
  product: string;
  quality: string;
  threshold_type: string;
  threshold_value: string;
  description: string;
  mitigants: string[];
  status: string;
  batch: string;
  agent: string;
  created_at: string;
  confidence: string;
  compound_trigger: string;
  source: string;
  source_type: string;
  historical_exceptions: string;
  data_fields: string[];
  ingestion_error: string;
  ingested_at: string;
}

export type FiltersAvailable = Partial<Record<string, string[]>>;

export interface ActionCount {
  action: string;
  count: number;
  color: string;
}

export interface ProductCount {
  product: string;
  count: number;
}

export interface MemorySummary {
  rules_count: number;
  risk_factors_count: number;
  mitigants_count: number;
  hard_stops_count: number;
  rules_by_action: ActionCount[];
  rules_by_product: ProductCount[];
}

export interface MemoryUploadReply {
  success: boolean;
  format?: string;
  row_count: number;
  columns: string[];
  data: MemoryRule[];
  filters_available: FiltersAvailable;
  summary: MemorySummary;
  message: string | null;
}

export interface RulesReply {
  data: MemoryRule[];
  total: number;
  filters_available: FiltersAvailable;
}

export interface RuleListReply {
  data: MemoryRule[];
}

export interface QualityReply {
  aligned: MemoryRule[];
  divergent: MemoryRule[];
  partial: MemoryRule[];
}

export interface Batch {
  batch_id: string;
  rules_count: number;
  created_at: string;
  statuses: Record<string, number>;
  risk_categories: string[];
}

export interface BatchesReply {
  data: Batch[];
}

export interface DecisionTrace {
  group_by: string;
  name: string;
  action: string;
  description: string;
  mitigants: string[];
  threshold_value: string;
  threshold_type: string;
}

export interface Conflict {
  risk_factor: string;
  conflicting_rules: Array<{ rule_name: string; action: string }>;
  description: string;
}

export interface ConflictsReply {
  data: Conflict[];
  has_conflicts: boolean;
}

export interface MemoryConfig {
  field_roles: Record<string, string>;
  required_roles: string[];
  labels: Record<string, string>;
  list_fields: string[];
  filter_roles: string[];
  hard_stops: { action_value: string; require_empty_mitigants: boolean };
  quality_values: { aligned: string; divergent: string; partial: string };
  soft_threshold_value: string;
  action_colors: Record<string, string>;
  contradictory_pairs: string[][];
  ui_roles: Record<string, string[]>;
  config_hash: string;
}

export interface RuleSaveReply {
  success: boolean;
  data: MemoryRule;
}

// The same replies as the server sends them.
export type WireRule = Record<string, unknown>;
type Wired<T> = { [K in keyof T]: T[K] extends MemoryRule[] ? WireRule[] : T[K] extends MemoryRule ? WireRule : T[K] };
export type WireUploadReply = Wired<MemoryUploadReply>;
export type WireRulesReply = Wired<RulesReply>;
export type WireRuleListReply = Wired<RuleListReply>;
export type WireQualityReply = Wired<QualityReply>;
export type WireRuleSaveReply = Wired<RuleSaveReply>;
export type WireTrace = Record<string, unknown>;

export interface RuleDeleteReply {
  success: boolean;
  id: string;
}

/** The fields a rule form sends: role → value (lists as arrays). */
export type RuleInput = Partial<Record<keyof MemoryRule, string | string[]>>;

// Knowledge graph.
export type GraphNodeType = 'RiskFactor' | 'Rule' | 'Outcome' | 'Mitigant' | 'Source';

export interface GraphNode {
  id: string;
  label: string;
  type: string;
  metadata: Record<string, string>;
}

export interface GraphEdge {
  source: string;
  target: string;
  type: string;
  label: string;
}

export interface GraphStatus {
  success: boolean;
  connected: boolean;
  graph_name: string;
  message: string;
}

export interface GraphSummary {
  success: boolean;
  total_nodes: number;
  total_edges: number;
  nodes_by_type: Record<string, number>;
  edges_by_relation: Record<string, number>;
  rules_by_action: Record<string, number>;
  rules_by_product: Record<string, number>;
}

export interface GraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
  node_counts: Record<string, number>;
  edge_counts: Record<string, number>;
}

export interface GraphReply {
  success: boolean;
  data: GraphData;
}

export interface GraphSearchResult {
  node_id: string;
  label: string;
  type: string;
  connected_nodes: number;
  snippet: string;
}

export interface GraphSearchReply {
  success: boolean;
  results: GraphSearchResult[];
  query: string;
  total: number;
}

export interface NeighborhoodReply {
  success: boolean;
  focal_node: GraphNode;
  nodes: GraphNode[];
  edges: GraphEdge[];
  depth: number;
}

export interface GraphFilters {
  risk_factor: string;
  product_type: string;
  action: string;
  node_type: string;
}
