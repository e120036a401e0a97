import { useState } from 'react';
import { useReportsStatus } from '../../lib/reports/queries';
import { DEFAULT_MODES, DEFAULT_REPORT_TYPES, DEFAULT_SETTINGS, optionsOr, pickOption } from '../../lib/reports/settings';
import type { ReportSettings } from '../../lib/reports/types';

/**
 * The server's report status and the user's report settings, with mode and type kept to the
 * options the server offers; `controls` are the matching ReportControls props.
 */
export function useReportSettings() {
  const status = useReportsStatus();
  const [chosen, setChosen] = useState<ReportSettings>(DEFAULT_SETTINGS);
  const modes = optionsOr(status.data?.report_modes, DEFAULT_MODES);
  const reportTypes = optionsOr(status.data?.report_types, DEFAULT_REPORT_TYPES);
  const settings = { ...chosen, mode: pickOption(modes, chosen.mode), reportType: pickOption(reportTypes, chosen.reportType) };
  const available = status.data?.available === true;
  const controls = {
    settings,
    modes,
    reportTypes,
    canGenerate: available,
    onChange: (patch: Partial<ReportSettings>) => setChosen((s) => ({ ...s, ...patch })),
  };
  return { status, settings, available, controls };
}
