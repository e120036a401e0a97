import type { MonitoringAlert } from './types';

const THRESHOLD_TYPES = new Set(['low-score', 'low-pass-rate', 'high-error-rate', 'high-latency']);

const TITLES: Record<string, string> = {
  'low-score': 'Low average score',
  'low-pass-rate': 'Low pass rate',
  'high-error-rate': 'High error rate',
  'high-latency': 'High P95 latency',
  'z-score': 'Score anomaly (z-score)',
  'moving-average': 'Deviation from moving average',
  'rate-of-change': 'Sudden change',
};

export type AlertGroup = 'threshold' | 'anomaly';

/** The alert's kind as the server sent it, else read from its type. */
export function alertGroup(alert: MonitoringAlert): AlertGroup {
  if (alert.kind === 'threshold' || alert.kind === 'anomaly') return alert.kind;
  return THRESHOLD_TYPES.has(alert.type) ? 'threshold' : 'anomaly';
}

export function alertTitle(alert: MonitoringAlert): string {
  return TITLES[alert.type] ?? alert.type;
}

/** The names of the two figures an alert compares: current against target, expected or previous. */
export function alertFigures(alert: MonitoringAlert): [string, string] {
  switch (alert.type) {
    case 'z-score':
      return ['Z', 'Limit'];
    case 'moving-average':
      return ['Current', 'Max deviation'];
    case 'rate-of-change':
      return ['Change', 'Limit'];
    default:
      return ['Current', 'Target'];
  }
}

const SEVERITY_RANK: Record<MonitoringAlert['severity'], number> = { critical: 0, error: 1, warning: 2, info: 3 };

/** Critical and error alerts: drawn as errors, and they make a source critical. */
export function isSevere(alert: MonitoringAlert): boolean {
  return alert.severity === 'critical' || alert.severity === 'error';
}

/** Critical, error, warning, then info (anomaly rules may use any of them), the server order kept otherwise. */
export function sortAlerts(alerts: readonly MonitoringAlert[]): MonitoringAlert[] {
  const rank = (a: MonitoringAlert) => SEVERITY_RANK[a.severity] ?? SEVERITY_RANK.info;
  return alerts.map((a, i) => ({ a, i })).sort((x, y) => rank(x.a) - rank(y.a) || x.i - y.i).map((x) => x.a);
}
