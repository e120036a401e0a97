import { useCallback, useMemo } from 'react';
import { useAgents } from './queries';

/** Label of an agent name from the agent registry (/api/config/agents), matching its name or a trace alias; the name itself otherwise. */
export function useAgentLabels(): (name: string) => string {
  const { data } = useAgents();
  const labels = useMemo(() => {
    const map = new Map<string, string>();
    for (const a of data?.agents ?? []) {
      const label = a.label || a.name;
      map.set(a.name.toLowerCase(), label);
      for (const alias of a.trace_names ?? []) map.set(alias.toLowerCase(), label);
    }
    return map;
  }, [data]);
  return useCallback((name: string) => labels.get(name.toLowerCase()) ?? name, [labels]);
}
