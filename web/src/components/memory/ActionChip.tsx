/** An action as a pill in its server colour (grey when the server gave none). */
export function ActionChip({ action, color }: { action: string; color?: string }) {
  if (action === '') return <span className="text-ink-muted">—</span>;
  const tint = color ?? '#7F8C8D';
  return (
    <span
      className="inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium text-ink"
      style={{ borderColor: tint, backgroundColor: `${tint}1A` }}
      data-testid="action-chip"
    >
      <span className="mr-1.5 h-2 w-2 rounded-full" style={{ backgroundColor: tint }} aria-hidden="true" />
      {action}
    </span>
  );
}
