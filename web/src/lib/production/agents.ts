import type { Agent } from '../types';

/** Every source name seen in the monitoring and KPI data, each once, in first-seen order. */
export function agentSources(...lists: Array<readonly string[] | undefined>): string[] {
  const seen = new Set<string>();
  for (const list of lists) for (const name of list ?? []) if (name && !seen.has(name)) seen.add(name);
  return [...seen];
}

/** The registry entry for a source: same name or label, ignoring case. */
export function agentFor<A extends Pick<Agent, 'name' | 'label'>>(source: string, agents: readonly A[] | undefined): A | undefined {
  const key = source.toLowerCase();
  return agents?.find((a) => a.name.toLowerCase() === key || a.label?.toLowerCase() === key);
}

/** "/monitoring?source_name=Atlas". */
export function presetLink(path: string, source: string): string {
  return `${path}?${new URLSearchParams({ source_name: source }).toString()}`;
}
