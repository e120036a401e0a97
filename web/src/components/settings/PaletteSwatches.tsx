import { Check, Palette as PaletteIcon } from 'lucide-react';
import { cn } from '../../lib/cn';
import { DEFAULT_PALETTE_ID } from '../../lib/defaults';
import { useThemeConfig } from '../../lib/queries';
import { resolvePalette } from '../../lib/theme';
import type { Palette } from '../../lib/types';
import { Card } from '../Card';

const SWATCH_KEYS: Array<[keyof Palette, string]> = [
  ['primary', 'Primary'],
  ['primaryLight', 'Light'],
  ['primaryDark', 'Dark'],
  ['primarySoft', 'Soft'],
  ['primaryPale', 'Pale'],
  ['accentGold', 'Gold'],
  ['accentSilver', 'Silver'],
];

export function PaletteSwatches() {
  const { data, isPending } = useThemeConfig();
  const active = data?.active ?? DEFAULT_PALETTE_ID;
  const entries = Object.entries(data?.palettes ?? {});
  if (entries.length === 0 && data?.activePalette) entries.push([active, data.activePalette]);

  return (
    <Card title="Palettes" icon={<PaletteIcon className="h-4 w-4 text-primary" aria-hidden="true" />} testId="palette-card">
      {isPending ? <p className="text-sm text-ink-muted">Loading palettes…</p> : null}
      {!isPending && entries.length === 0 ? (
        <p className="text-sm text-ink-muted">The server reported no palettes; the built-in blue palette is in use.</p>
      ) : null}
      <div className="grid gap-3 md:grid-cols-2">
        {entries.map(([id, partial]) => {
          const palette = resolvePalette(partial);
          const isActive = id === active;
          return (
            <div
              key={id}
              data-testid={`palette-${id}`}
              data-active={isActive ? 'true' : 'false'}
              className={cn('rounded-lg border p-3', isActive && 'border-primary ring-2 ring-primary/20')}
            >
              <div className="mb-2 flex items-start justify-between">
                <span className="text-sm font-medium text-ink">
                  {palette.name}
                  <span className="block font-mono text-xs text-ink-muted">{id}</span>
                </span>
                {isActive ? (
                  <span className="inline-flex items-center gap-1 rounded-full bg-primary px-2 py-0.5 text-[11px] font-semibold text-white">
                    <Check className="h-3 w-3" aria-hidden="true" /> Active
                  </span>
                ) : null}
              </div>
              <div className="flex gap-1.5">
                {SWATCH_KEYS.map(([key, label]) => {
                  const color = String(palette[key]);
                  return (
                    <span key={key} className="flex flex-1 flex-col items-center gap-1" title={`${label} ${color}`}>
                      <span className="h-8 w-full rounded-md ring-1 ring-black/5" style={{ backgroundColor: color }} />
                      <span className="text-[10px] text-ink-muted">{label}</span>
                    </span>
                  );
                })}
              </div>
            </div>
          );
        })}
      </div>
    </Card>
  );
}
