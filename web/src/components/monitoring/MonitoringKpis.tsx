import { Activity, Clock, Gauge, Hash, Percent, Timer } from 'lucide-react';
import { formatCount, formatScore, TONE_TEXT } from '../../lib/evaluate/format';
import { formatLatency, formatRate, type Thresholds } from '../../lib/monitoring/format';
import type { SummaryResponse } from '../../lib/monitoring/types';
import { KpiCard, KpiGrid } from '../evaluate/KpiCard';

interface MonitoringKpisProps {
  summary: SummaryResponse | undefined;
  thresholds: Thresholds;
  loading: boolean;
}

function toneFor(score: number | null | undefined, t: Thresholds): string {
  if (typeof score !== 'number') return TONE_TEXT.neutral;
  if (score >= t.good) return TONE_TEXT.success;
  return score >= t.pass ? TONE_TEXT.warning : TONE_TEXT.error;
}

/** Records, average score, pass rate and latency percentiles, as the server computed them for the filters. */
export function MonitoringKpis({ summary, thresholds, loading }: MonitoringKpisProps) {
  const k = summary?.kpis;
  const show = (text: string) => (loading && !k ? '…' : text);
  return (
    <KpiGrid className="sm:grid-cols-3 lg:grid-cols-3 2xl:grid-cols-6" testId="monitoring-kpis">
      <KpiCard icon={Hash} label="Scored records" value={show(formatCount(k?.total_records))} testId="kpi-records" />
      <KpiCard icon={Gauge} label={`Avg score (good ≥ ${thresholds.good})`} value={show(formatScore(k?.avg_score))} tone={toneFor(k?.avg_score, thresholds)} testId="kpi-avg-score" />
      <KpiCard icon={Percent} label="Pass rate" value={show(formatRate(k?.pass_rate))} testId="kpi-pass-rate" />
      <KpiCard icon={Timer} label="P50 latency" value={show(formatLatency(k?.p50_latency))} testId="kpi-p50" />
      <KpiCard icon={Clock} label="P95 latency" value={show(formatLatency(k?.p95_latency))} testId="kpi-p95" />
      <KpiCard icon={Activity} label="P99 latency" value={show(formatLatency(k?.p99_latency))} testId="kpi-p99" />
    </KpiGrid>
  );
}
