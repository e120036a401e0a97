import { cellText, truncate } from '../../lib/evaluate/format';

/** A cell value; a coloured pill when the column has a colour for it. */
export function ValueBadge({ value, color }: { value: unknown; color?: string }) {
  const text = cellText(value);
  if (text === '') return <span className="text-ink-muted/60">—</span>;
  if (!color) return <>{truncate(text, 80)}</>;
  return (
    <span className="inline-block rounded-full px-2 py-0.5 text-[11px] font-semibold" style={{ background: `${color}22`, color }}>
      {truncate(text, 40)}
    </span>
  );
}
