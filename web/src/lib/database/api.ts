import { fetchJson, requestJson, withQuery } from '../api';
import { UPLOAD_TIMEOUT_MS } from '../evaluate/api';
import type { StoredResponse } from '../evaluate/types';
import type {
  ConnectRequest,
  ConnectResponse,
  DbDefaults,
  DbPreviewResponse,
  DbStore,
  DistinctValuesResponse,
  QueryImportRequest,
  QueryPreviewRequest,
  SchemaResponse,
  TableImportRequest,
  TablePreviewRequest,
  TableRef,
  TablesResponse,
} from './types';

/** Sent as the password to mean "use the password configured on the server". */
export const MASKED_PASSWORD = '********';
export const PREVIEW_ROWS = 10;
export const DEFAULT_IMPORT_LIMIT = 10_000;
export const TABLE_IMPORT_MAX = 10_000;
export const QUERY_IMPORT_MAX = 50_000;
export const DISTINCT_LIMIT = 100;

const base = (handle: string) => `/api/database/${encodeURIComponent(handle)}`;

export function getDbDefaults(store: DbStore, signal?: AbortSignal): Promise<DbDefaults> {
  return fetchJson<DbDefaults>(withQuery('/api/database/defaults', { store }), { signal });
}

export function connectDb(store: DbStore, body: ConnectRequest): Promise<ConnectResponse> {
  return requestJson<ConnectResponse>(withQuery('/api/database/connect', { store }), { method: 'POST', body });
}

export function disconnectDb(handle: string): Promise<unknown> {
  return requestJson(base(handle), { method: 'DELETE' });
}

export function listDbTables(handle: string, signal?: AbortSignal): Promise<TablesResponse> {
  return fetchJson<TablesResponse>(`${base(handle)}/tables`, { signal });
}

export function getDbSchema(handle: string, table: TableRef, signal?: AbortSignal): Promise<SchemaResponse> {
  return fetchJson<SchemaResponse>(withQuery(`${base(handle)}/schema`, { schema: table.schema_name, table: table.name }), { signal });
}

export function getDistinctValues(handle: string, table: TableRef, column: string, signal?: AbortSignal): Promise<DistinctValuesResponse> {
  return requestJson<DistinctValuesResponse>(`${base(handle)}/distinct-values`, {
    method: 'POST',
    body: { table, column, limit: DISTINCT_LIMIT },
    signal,
  });
}

export function previewDbTable(handle: string, body: TablePreviewRequest): Promise<DbPreviewResponse> {
  return requestJson<DbPreviewResponse>(`${base(handle)}/preview`, { method: 'POST', body });
}

export function previewDbQuery(handle: string, body: QueryPreviewRequest): Promise<DbPreviewResponse> {
  return requestJson<DbPreviewResponse>(`${base(handle)}/query`, { method: 'POST', body });
}

/** Stores the mapped, filtered rows of a table; answers like the store's own CSV upload. */
export function importDbTable(handle: string, body: TableImportRequest): Promise<StoredResponse> {
  return requestJson<StoredResponse>(`${base(handle)}/import`, { method: 'POST', body, timeoutMs: UPLOAD_TIMEOUT_MS });
}

/** Stores the rows of a read-only SELECT; answers like the store's own CSV upload. */
export function importDbQuery(handle: string, body: QueryImportRequest): Promise<StoredResponse> {
  return requestJson<StoredResponse>(`${base(handle)}/query-import`, { method: 'POST', body, timeoutMs: UPLOAD_TIMEOUT_MS });
}
