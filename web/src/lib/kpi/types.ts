export type KpiUnit = 'percent' | 'seconds' | 'count' | 'score' | string;
export type TrendDirection = 'up' | 'down' | 'flat';

export interface KpiItem {
  kpi_name: string;
  display_name?: string;
  current_value?: number | null;
  card_display_value?: string;
  trend_direction?: TrendDirection | null;
  polarity?: 'higher_better' | 'lower_better';
  sparkline?: Array<{ date: string; value: number | null }>;
  unit?: KpiUnit;
  record_count?: number;
}

export interface KpiPanel {
  category: string;
  display_name?: string;
  icon?: string;
  kpis?: KpiItem[];
}

export interface KpiCategoriesResponse {
  success?: boolean;
  categories?: KpiPanel[];
  date_range?: { min_date?: string | null; max_date?: string | null } | null;
}

export interface KpiFiltersResponse {
  success?: boolean;
  source_names?: string[];
  environments?: string[];
  kpi_categories?: string[];
  kpi_names?: string[];
}
