import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';

/** One query-string value and a setter that replaces it (or removes it for null) without a new history entry. */
export function useSearchParam(name: string): [string | null, (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (value: string | null) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value === null) next.delete(name);
          else next.set(name, value);
          return next;
        },
        { replace: true },
      ),
    [name, setParams],
  );
  return [params.get(name), set];
}

/**
 * Hands the named query-string values present in the URL to `apply` once, then removes them, so a
 * link can preset a page's filters without pinning them in the address.
 */
export function useUrlPreset(names: readonly string[], apply: (values: Record<string, string>) => void) {
  const [params, setParams] = useSearchParams();
  const found = names.filter((n) => params.has(n)).map((n) => [n, params.get(n) ?? ''] as const);
  const key = JSON.stringify(found);
  useEffect(() => {
    const values = JSON.parse(key) as Array<[string, string]>;
    if (values.length === 0) return;
    apply(Object.fromEntries(values));
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [n] of values) next.delete(n);
        return next;
      },
      { replace: true },
    );
  }, [key, apply, setParams]);
}
