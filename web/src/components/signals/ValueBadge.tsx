import { cellText, truncate } from '../../lib/evaluate/format';

/** A cell value; a coloured pill when the column has a colour for it. */
export function ValueBadge({ value, color }: { value: unknown; color?: string }) {
  const text = cellText(value);
  if (text === '') return <span className="text-ink-muted">—</span>;
  if (!color) return <>{truncate(text, 80)}</>;
  return (
    // The configured colour tints the pill and draws its ring; the text stays dark enough to read
    // on any tint (a configured colour is rarely 4.5:1 against its own tint).
    <span className="inline-block rounded-full px-2 py-0.5 text-[11px] font-semibold text-ink" style={{ background: `${color}22`, boxShadow: `inset 0 0 0 1px ${color}` }}>
      {truncate(text, 40)}
    </span>
  );
}
