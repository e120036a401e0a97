import { useQuery } from '@tanstack/react-query';
import { getRows } from '../../lib/evaluate/api';
import { casesFromRows, type CaseRecord } from './caseStats';

/** Rows read per request and in all; a larger dataset is summarised from its first rows. */
export const ROWS_PAGE_SIZE = 500;
export const MAX_CASE_ROWS = 20_000;

export interface CaseRecords {
  cases: CaseRecord[];
  rowsRead: number;
  totalRows: number;
}

async function readCaseRecords(datasetId: string, signal: AbortSignal): Promise<CaseRecords> {
  const rows: Record<string, unknown>[] = [];
  let total = 0;
  for (let page = 1; rows.length < MAX_CASE_ROWS; page += 1) {
    const reply = await getRows(datasetId, page, ROWS_PAGE_SIZE, signal);
    const data = (reply.data ?? []) as Record<string, unknown>[];
    total = typeof reply.total === 'number' ? reply.total : rows.length + data.length;
    rows.push(...data);
    if (data.length < ROWS_PAGE_SIZE || rows.length >= total) break;
  }
  return { cases: casesFromRows(rows), rowsRead: rows.length, totalRows: total };
}

/** The dataset's cases (score, output length, turns, metadata), read page by page from the stored rows. */
export function useCaseRecords(datasetId: string) {
  return useQuery({
    queryKey: ['datasets', 'case-records', datasetId],
    queryFn: ({ signal }) => readCaseRecords(datasetId, signal),
    staleTime: 5 * 60_000,
  });
}
