import type { SourceEntry, SourcesResponse } from '../lib/sources/types';

const entry = (e: Partial<SourceEntry> & Pick<SourceEntry, 'id'>): SourceEntry => ({
  label: e.id,
  role: '',
  avatar: '',
  description: '',
  registered: true,
  active: true,
  source_names: [e.id],
  rows: { monitoring: 0, human_signals: 0, kpi: 0 },
  ...e,
});

/** A registered agent with a trace alias and an avatar. */
export const ATLAS = entry({ id: 'Atlas', role: 'Claims triage', avatar: 'atlas.png', source_names: ['Atlas', 'atlas-prod'], rows: { monitoring: 120, human_signals: 2, kpi: 0 } });
/** A registered agent marked inactive, without a role. */
export const BEACON = entry({ id: 'Beacon', active: false, rows: { monitoring: 40, human_signals: 1, kpi: 30 } });
/** A source_name value no agent of agents.yaml matches, seen only in the KPI data. */
export const CIRRUS = entry({ id: 'Cirrus', registered: false, rows: { monitoring: 0, human_signals: 0, kpi: 12 } });

/** GET /api/config/sources: registered agents first (registry order), then raw values alphabetically. */
export function sourcesReply(sources: SourceEntry[] = [ATLAS, BEACON, CIRRUS]): SourcesResponse {
  return { success: true, sources };
}

export { entry as sourceEntry };
