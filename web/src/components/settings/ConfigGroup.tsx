import { flattenObject, humanizeKey } from '../../lib/format';
import { KeyValueList } from './KeyValueList';

interface ConfigGroupProps {
  name: string;
  value: unknown;
}

export function ConfigGroup({ name, value }: ConfigGroupProps) {
  const rows = flattenObject(value).map((entry) => ({ key: entry.key || name, value: entry.value }));
  return (
    <details className="group rounded-lg border bg-white" open data-testid={`config-group-${name}`}>
      <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-2.5 text-sm font-semibold text-ink">
        <span>{humanizeKey(name)}</span>
        <span className="text-xs font-normal text-ink-muted">
          {rows.length} {rows.length === 1 ? 'value' : 'values'}
        </span>
      </summary>
      <div className="border-t px-4 py-1">
        <KeyValueList rows={rows} />
      </div>
    </details>
  );
}
