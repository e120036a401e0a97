import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useSearchWriter } from '../../lib/useSearchParam';

const PREFIX = 'meta.';

/** The Test Cases metadata filters kept in the URL as meta.<key>=<value> (as the server reads them), so reload and back restore them. */
export function useMetadataParams(): {
  selected: Record<string, string[]>;
  setValue: (key: string, value: string | null) => void;
  clear: () => void;
} {
  const [params] = useSearchParams();
  const write = useSearchWriter();
  const text = params.toString();
  const selected = useMemo(() => {
    const out: Record<string, string[]> = {};
    for (const [name, value] of new URLSearchParams(text)) {
      if (name.startsWith(PREFIX)) (out[name.slice(PREFIX.length)] ??= []).push(value);
    }
    return out;
  }, [text]);
  const update = useCallback(
    (change: (next: URLSearchParams) => void) =>
      write(change),
    [write],
  );
  const setValue = useCallback(
    (key: string, value: string | null) =>
      update((next) => {
        next.delete(PREFIX + key);
        if (value !== null) next.set(PREFIX + key, value);
      }),
    [update],
  );
  const clear = useCallback(
    () =>
      update((next) => {
        for (const name of [...next.keys()]) if (name.startsWith(PREFIX)) next.delete(name);
      }),
    [update],
  );
  return { selected, setValue, clear };
}
