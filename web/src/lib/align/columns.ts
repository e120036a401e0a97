import { recordId } from './labels';
import type { AlignRecord } from './types';

/** Which columns of the file CaliberHQ reads: the judge routes take `dataset_id`, `query`, `actual_output`, `expected_output`. */
export interface CaliberColumns {
  id: string;
  query: string;
  response: string;
  expected: string;
  /** More columns shown on the labelling card. */
  display: string[];
}

type Role = 'id' | 'query' | 'response' | 'expected';

const GUESSES: Record<Role, string[]> = {
  id: ['dataset_id', 'id', 'record_id', 'item_id', 'case_id'],
  query: ['query', 'question', 'input', 'prompt', 'user_input'],
  response: ['actual_output', 'output', 'response', 'answer', 'completion'],
  expected: ['expected_output', 'expected', 'ground_truth', 'reference', 'gold'],
};

/** For each role, the first usual name found among the columns (compared lower-case); '' when none. */
export function guessColumns(columns: string[]): CaliberColumns {
  const find = (role: Role) => GUESSES[role].map((g) => columns.find((c) => c.toLowerCase() === g)).find((c) => c !== undefined) ?? '';
  return { id: find('id'), query: find('query'), response: find('response'), expected: find('expected'), display: [] };
}

/** The required roles without a column: query and response. */
export function unmappedRoles(cols: CaliberColumns): string[] {
  return [...(cols.query ? [] : ['query']), ...(cols.response ? [] : ['response'])];
}

/**
 * The rows as the judge routes read them: the chosen columns copied to `dataset_id`, `query`,
 * `actual_output` and `expected_output`; without an id column a record's id is its position.
 */
export function toRecords(rows: AlignRecord[], cols: CaliberColumns): AlignRecord[] {
  return rows.map((row, i) => {
    const out: AlignRecord = { ...row };
    out.dataset_id = cols.id ? row[cols.id] : recordId(row, i);
    if (cols.query) out.query = row[cols.query];
    if (cols.response) out.actual_output = row[cols.response];
    if (cols.expected) out.expected_output = row[cols.expected];
    return out;
  });
}
