import { FileText, SlidersHorizontal, Square } from 'lucide-react';
import { optionLabel } from '../../lib/reports/settings';
import type { ReportSettings } from '../../lib/reports/types';
import { Button } from '../Button';
import { Card } from '../Card';
import { NumberField } from '../NumberField';
import { Segmented } from '../Segmented';
import { SelectField } from '../SelectField';

const MODE_HINTS: Record<string, string> = {
  low: 'Analyses the cases that score below the threshold: what goes wrong and why.',
  high: 'Analyses the cases that score at or above the threshold: what goes well.',
  overall: 'Analyses all cases, strong and weak.',
};

interface ReportControlsProps {
  settings: ReportSettings;
  modes: string[];
  reportTypes: string[];
  onChange: (patch: Partial<ReportSettings>) => void;
  canGenerate: boolean;
  streaming: boolean;
  onGenerate: () => void;
  onStop: () => void;
}

export function ReportControls({ settings, modes, reportTypes, onChange, canGenerate, streaming, onGenerate, onStop }: ReportControlsProps) {
  return (
    <Card title="Report settings" icon={<SlidersHorizontal className="h-4 w-4 text-primary" aria-hidden="true" />} testId="report-controls">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <div className="flex items-center gap-2 text-xs font-medium text-ink-muted">
          Mode
          <Segmented
            label="Mode"
            options={modes.map((m) => ({ value: m, label: optionLabel(m) }))}
            value={settings.mode}
            onChange={(mode) => onChange({ mode })}
            testIdPrefix="report-mode"
          />
        </div>
        <SelectField
          label="Report type"
          value={settings.reportType}
          options={reportTypes.map((t) => ({ value: t, label: optionLabel(t) }))}
          onChange={(reportType) => onChange({ reportType })}
          testId="report-type"
        />
        <NumberField label="Score threshold" value={settings.scoreThreshold} min={0} max={1} step={0.05} onChange={(scoreThreshold) => onChange({ scoreThreshold })} testId="report-threshold" />
        <NumberField label="Max issues" value={settings.maxIssues} min={1} step={10} onChange={(maxIssues) => onChange({ maxIssues })} testId="report-max-issues" />
        <div className="ml-auto">
          {streaming ? (
            <Button variant="danger" onClick={onStop} data-testid="report-stop">
              <Square className="h-3.5 w-3.5" aria-hidden="true" />
              Stop
            </Button>
          ) : (
            <Button variant="primary" onClick={onGenerate} disabled={!canGenerate} data-testid="report-generate">
              <FileText className="h-4 w-4" aria-hidden="true" />
              Generate report
            </Button>
          )}
        </div>
      </div>
      {MODE_HINTS[settings.mode] ? <p className="mt-3 text-xs text-ink-muted">{MODE_HINTS[settings.mode]}</p> : null}
    </Card>
  );
}
