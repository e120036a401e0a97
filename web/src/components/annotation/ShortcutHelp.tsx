const KEYS: Array<[string, string]> = [
  ['A', 'Accept'],
  ['R', 'Reject'],
  ['1–5', 'Rating'],
  ['F', 'Flag / unflag'],
  ['→ ←', 'Next / previous'],
  ['S', 'Skip to next pending'],
  ['T', 'Focus tags'],
  ['Ctrl+Z', 'Undo last change'],
];

export function ShortcutHelp() {
  return (
    <section className="rounded-xl border bg-white p-5 shadow-card" data-testid="shortcut-help">
      <h2 className="text-sm font-semibold text-ink">Keyboard</h2>
      <dl className="mt-3 grid grid-cols-2 gap-x-3 gap-y-1.5">
        {KEYS.map(([k, label]) => (
          <div key={k} className="flex items-center gap-2 text-xs">
            <dt>
              <kbd className="inline-flex min-w-[2rem] justify-center whitespace-nowrap rounded border border-b-2 bg-canvas px-1.5 py-0.5 font-mono text-[11px] text-ink">{k}</kbd>
            </dt>
            <dd className="text-ink-muted">{label}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-[11px] text-ink-muted">Keys are ignored while typing in the critique or tag fields; press Esc to leave them.</p>
    </section>
  );
}
