import {
  ChartColumn,
  CircleCheck,
  Clock,
  Database,
  DollarSign,
  Gauge,
  Hash,
  MessageSquare,
  RotateCcw,
  ShieldCheck,
  Star,
  Target,
  TriangleAlert,
  type LucideIcon,
} from 'lucide-react';
import { normaliseIconName } from '../pluginIcons';

/** The icon names a signals kpi_strip uses (lucide kebab-case), old and new spellings. */
const ICONS: Record<string, LucideIcon> = {
  'shield-check': ShieldCheck,
  'alert-triangle': TriangleAlert,
  'triangle-alert': TriangleAlert,
  'check-circle': CircleCheck,
  'circle-check': CircleCheck,
  'rotate-ccw': RotateCcw,
  target: Target,
  clock: Clock,
  'dollar-sign': DollarSign,
  'bar-chart-3': ChartColumn,
  'chart-column': ChartColumn,
  star: Star,
  hash: Hash,
  'message-square': MessageSquare,
  database: Database,
};

export function kpiIcon(name: string | null | undefined): LucideIcon {
  return (typeof name === 'string' && ICONS[normaliseIconName(name)]) || Gauge;
}
