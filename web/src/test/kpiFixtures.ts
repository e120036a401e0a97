import type { CompositionChart } from '../lib/kpi/types';

/** A composition chart of two rate KPIs with the remainder shown, as kpi_db.yaml configures one. */
export const OUTCOMES_CHART: CompositionChart = {
  title: 'Ticket outcomes',
  kpis: [
    { kpi_name: 'resolution_rate', label: 'Resolved', color: '#3D5A80' },
    { kpi_name: 'escalation_rate', label: 'Escalated', color: '#D4AF37' },
  ],
  show_remainder: true,
  remainder_label: 'Other',
  remainder_color: '#CBD5E1',
};
