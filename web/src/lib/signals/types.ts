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

export type SignalsCase = Row;
