import type { Granularity } from '../../lib/monitoring/types';
import { Segmented } from '../Segmented';

const OPTIONS: Array<{ value: Granularity; label: string }> = [
  { value: 'hourly', label: 'Hourly' },
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
];

export function GranularitySwitch({ value, onChange }: { value: Granularity; onChange: (g: Granularity) => void }) {
  return <Segmented options={OPTIONS} value={value} onChange={onChange} label="Granularity" testIdPrefix="granularity" />;
}
