import type { Reply } from '../../api/replies';

// Reply types: generated from the server's reply schemas (src/api/replies.ts). A rule comes over
// the wire with any JSON value in a role (WireRule); normalize.ts turns it into text roles and
// string lists (MemoryRule), which is what the replies below hold once read.

/** A rule keyed by role (id, name, action, …) as the page uses it; list roles (mitigants, data_fields) are arrays. */
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

/** A reply with its rules normalised. */
type WithRules<T, K extends keyof T> = Omit<T, K> & { [P in K]: MemoryRule[] };

// As the server sends them.
export type WireRule = Reply<'MemoryRule'>;
export type WireUploadReply = Reply<'MemoryUploadReply'>;
export type WireRulesReply = Reply<'MemoryRulesReply'>;
export type WireRuleListReply = Reply<'MemoryRuleListReply'>;
export type WireQualityReply = Reply<'MemoryQualityReply'>;
export type WireRuleSaveReply = Reply<'MemoryRuleReply'>;
export type WireTrace = Reply<'MemoryTraceReply'>;

// As the page reads them.
export type MemoryUploadReply = WithRules<WireUploadReply, 'data'>;
export type RulesReply = WithRules<WireRulesReply, 'data'>;
export type RuleListReply = WithRules<WireRuleListReply, 'data'>;
export type QualityReply = WithRules<WireQualityReply, 'aligned' | 'divergent' | 'partial'>;
export type RuleSaveReply = Omit<WireRuleSaveReply, 'data'> & { data: MemoryRule };

/** A rule's decision path with its roles as text (mitigants as a list). */
export interface DecisionTrace {
  group_by: string;
  name: string;
  action: string;
  description: string;
  mitigants: string[];
  threshold_value: string;
  threshold_type: string;
}

export type FiltersAvailable = RulesReply['filters_available'];
export type MemorySummary = Reply<'MemorySummary'>;
export type ActionCount = MemorySummary['rules_by_action'][number];
export type ProductCount = MemorySummary['rules_by_product'][number];
export type BatchesReply = Reply<'MemoryBatchesReply'>;
export type Batch = BatchesReply['data'][number];
export type ConflictsReply = Reply<'MemoryConflictsReply'>;
export type Conflict = ConflictsReply['data'][number];
export type MemoryConfig = Reply<'MemoryConfigReply'>;
export type RuleDeleteReply = Reply<'MemoryDeleteReply'>;

/** The fields a rule form sends: role → value (lists as arrays). */
export type RuleInput = Partial<Record<keyof MemoryRule, string | string[]>>;

// Knowledge graph.
export type GraphNode = Reply<'GraphNode'>;
export type GraphEdge = Reply<'GraphEdge'>;
export type GraphStatus = Reply<'GraphStatusReply'>;
export type GraphSummary = Reply<'GraphSummaryReply'>;
export type GraphReply = Reply<'GraphReply'>;
export type GraphData = GraphReply['data'];
export type GraphSearchReply = Reply<'GraphSearchReply'>;
export type GraphSearchResult = GraphSearchReply['results'][number];
export type NeighborhoodReply = Reply<'GraphNeighborhoodReply'>;

/** The graph route's filters (query parameters). */
export interface GraphFilters {
  risk_factor: string;
  product_type: string;
  action: string;
  node_type: string;
}
