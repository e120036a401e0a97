import type { Reply } from '../../api/replies';

// Reply types: generated from the server's reply schemas (src/api/replies.ts).
export type KpiItem = Reply<'KpiCard'>;
export type KpiUnit = KpiItem['unit'];
export type TrendDirection = KpiItem['trend_direction'];
export type KpiPanel = Reply<'KpiPanel'>;
export type KpiCategoriesResponse = Reply<'KpiCategoriesReply'>;
export type KpiFiltersResponse = Reply<'KpiFiltersReply'>;
export type KpiTrendsResponse = Reply<'KpiTrendsReply'>;
export type KpiTrendPoint = Reply<'KpiTrendPoint'>;
export type CompositionChart = Reply<'CompositionChart'>;
