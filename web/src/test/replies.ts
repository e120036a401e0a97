// Complete reply objects for unit tests, from the few members a test cares about.
import type { Dataset } from '../lib/evaluate/types';

export function dataset(members: Partial<Dataset> & Pick<Dataset, 'id'>): Dataset {
  return {
    name: '',
    kind: 'evaluation',
    format: 'tree_format',
    row_count: 0,
    columns: [],
    created_at: '2025-01-01T00:00:00Z',
    source: 'upload',
    ...members,
  };
}
