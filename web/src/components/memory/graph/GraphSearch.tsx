import { Search } from 'lucide-react';
import { useState } from 'react';
import { errorMessage } from '../../evaluate/StateViews';
import { nodeColor } from '../../../lib/memory/graph';
import { useGraphSearch } from '../../../lib/memory/queries';

/** Name search over the whole graph (/graph/search); picking a result opens that node. */
export function GraphSearch({ onPick }: { onPick: (nodeId: string) => void }) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const search = useGraphSearch(query);
  return (
    <div className="relative">
      <form
        role="search"
        className="flex items-center gap-2 rounded-lg border bg-white px-2.5 py-1.5"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(text.trim());
        }}
      >
        <Search className="h-4 w-4 text-ink-muted" aria-hidden="true" />
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Search nodes by name"
          aria-label="Search nodes by name"
          className="w-56 text-sm text-ink outline-none"
          data-testid="graph-search"
        />
      </form>
      {query !== '' ? (
        <div className="absolute left-0 top-full z-20 mt-1 w-80 rounded-lg border bg-white shadow-lift" data-testid="graph-search-results">
          <div className="flex items-center justify-between border-b px-3 py-1.5 text-[11px] text-ink-muted">
            <span>{search.data ? `${search.data.total} ${search.data.total === 1 ? 'match' : 'matches'} for “${search.data.query}”` : 'Searching…'}</span>
            <button type="button" className="hover:text-ink" onClick={() => setQuery('')}>
              Close
            </button>
          </div>
          {search.isError ? <p className="px-3 py-2 text-xs text-error">{errorMessage(search.error)}</p> : null}
          <ul className="max-h-72 overflow-y-auto">
            {search.data?.results.map((r) => (
              <li key={r.node_id}>
                <button
                  type="button"
                  className="w-full px-3 py-2 text-left hover:bg-canvas"
                  onClick={() => {
                    setQuery('');
                    onPick(r.node_id);
                  }}
                  data-testid={`graph-result-${r.node_id}`}
                >
                  <span className="flex items-center gap-2 text-sm font-medium text-ink">
                    <span className="h-2.5 w-2.5 rounded-full" style={{ backgroundColor: nodeColor(r.type) }} aria-hidden="true" />
                    {r.label}
                    <span className="ml-auto text-[11px] font-normal text-ink-muted">{r.connected_nodes} links</span>
                  </span>
                  <span className="block truncate text-xs text-ink-muted">{r.snippet}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
