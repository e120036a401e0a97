/** "/monitoring?source_name=Atlas". */
export function presetLink(path: string, source: string): string {
  return `${path}?${new URLSearchParams({ source_name: source }).toString()}`;
}
