import { useCallback, useContext, useEffect, useRef } from 'react';
import { UNSAFE_NavigationContext, useLocation, useNavigate, useSearchParams } from 'react-router-dom';

/** Changes a copy of the query string in place (set, delete…). */
export type SearchChange = (next: URLSearchParams) => void;

/**
 * A writer of the query string that starts from the address as it is when it writes, not from the
 * snapshot of the component's last render: two writes issued before React re-renders (a cleared
 * filter and a debounced search, say) both land. The router's history (browser or memory) updates
 * its location synchronously on every navigation; the render snapshot is the fallback.
 */
export function useSearchWriter(): (change: SearchChange, options?: { replace?: boolean }) => void {
  const { navigator } = useContext(UNSAFE_NavigationContext);
  const location = useLocation();
  const navigate = useNavigate();
  const rendered = useRef(location);
  rendered.current = location;
  return useCallback(
    (change, options) => {
      const live = (navigator as { location?: { pathname: string; search: string; hash: string } }).location;
      const at = live ?? rendered.current;
      const next = new URLSearchParams(at.search);
      change(next);
      const search = next.toString();
      navigate({ pathname: at.pathname, search: search ? `?${search}` : '', hash: at.hash }, { replace: options?.replace ?? true });
    },
    [navigator, navigate],
  );
}

/**
 * One query-string value and a setter that replaces it (or removes it for null). The setter adds
 * no history entry unless asked (`{ push: true }`: a choice a person makes, such as a tab, that
 * Back should undo); typing, defaults and clean-ups replace.
 */
export function useSearchParam(name: string): [string | null, (value: string | null, options?: { push?: boolean }) => void] {
  const [params] = useSearchParams();
  const write = useSearchWriter();
  const set = useCallback(
    (value: string | null, options?: { push?: boolean }) =>
      write(
        (next) => {
          if (value === null) next.delete(name);
          else next.set(name, value);
        },
        { replace: !options?.push },
      ),
    [name, write],
  );
  return [params.get(name), set];
}

/**
 * Hands the named query-string values present in the URL to `apply` once, then removes them, so a
 * link can preset a page's filters without pinning them in the address.
 */
export function useUrlPreset(names: readonly string[], apply: (values: Record<string, string>) => void) {
  const [params] = useSearchParams();
  const write = useSearchWriter();
  const found = names.filter((n) => params.has(n)).map((n) => [n, params.get(n) ?? ''] as const);
  const key = JSON.stringify(found);
  useEffect(() => {
    const values = JSON.parse(key) as Array<[string, string]>;
    if (values.length === 0) return;
    apply(Object.fromEntries(values));
    write((next) => {
      for (const [n] of values) next.delete(n);
    });
  }, [key, apply, write]);
}
