import type { Reply } from '../../api/replies';
import type { Row } from '../evaluate/types';

// Reply types: generated from the server's reply schemas (src/api/replies.ts).
export type SignalsKpi = Reply<'SignalsKpi'>;
export type KpiStripEntry = Reply<'KpiStripEntry'>;
export type ChartConfig = Reply<'ChartConfig'>;
export type ChartSection = Reply<'ChartSection'>;
export type FilterConfig = Reply<'DisplayFilter'>;
export type TableColumn = Reply<'TableColumn'>;
export type DisplayConfig = Reply<'DisplayConfig'>;
export type MetricInfo = Reply<'SignalsMetricInfo'>;
export type MetricSchema = Reply<'SignalsMetricSchema'>;
/** The upload and example reply. */
export type SignalsReply = Reply<'SignalsReply'>;
/** A page of cases: the upload reply with its page. */
export type SignalsCasesReply = Reply<'SignalsCasesReply'>;
export type MetricSchemaResponse = Reply<'MetricSchemaReply'>;
/** GET /api/human-signals/trends: the KPI strip figures per week. */
export type SignalsTrendsResponse = Reply<'SignalsTrendsReply'>;
export type SignalsTrendSeries = Reply<'SignalsTrendSeries'>;

export type SignalsCase = Row;

/** GET /api/human-signals/figures: every chart's figures over the cases matching the filters. */
export type CaseFigures = Reply<'SignalsFiguresReply'>;
/** How many of the matching cases hold a value of a field, and their percentage. */
export type CountRow = Reply<'SignalsCount'>;
/** How many of the matching cases have a truthy field. */
export type TruthyRate = Reply<'SignalsRate'>;
/** GET /api/human-signals/filter-options: per filter field, the values it offers. */
export type FilterOptionsResponse = Reply<'SignalsFilterOptionsReply'>;

/** Chosen values per case field (`source_name`, `{metric}__{signal}`); a case matches a field holding any of them. */
export type CaseFilters = Record<string, string[]>;

export interface CaseSort {
  key: string;
  dir: 'asc' | 'desc';
}
