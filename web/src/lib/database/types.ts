import type { Reply } from '../../api/replies';

// Reply types: generated from the server's reply schemas (src/api/replies.ts).
/** The configured connection of a store's source; the password itself never leaves the server. */
export type DbDefaults = Reply<'DbDefaultsReply'>;
export type ConnectResponse = Reply<'DbConnectReply'>;
export type DbTable = Reply<'DbTable'>;
export type TablesResponse = Reply<'DbTablesReply'>;
export type DbColumn = Reply<'DbColumn'>;
export type SchemaResponse = Reply<'DbSchemaReply'>;
export type DistinctValuesResponse = Reply<'DbDistinctValuesReply'>;
export type DbPreviewResponse = Reply<'DbRowsReply'>;

// Requests and the wizard's own state.

/** The store a wizard imports into: evaluation data, monitoring records or human signals. */
export type DbStore = 'data' | 'monitoring' | 'human_signals';

export const SSL_MODES = ['disable', 'prefer', 'require'] as const;

/** The connect form as typed (port kept as text until sent). */
export interface ConnectForm {
  host: string;
  port: string;
  database: string;
  username: string;
  password: string;
  ssl_mode: string;
}

export interface ConnectRequest {
  host: string;
  port: number;
  database: string;
  username: string;
  password: string;
  ssl_mode: string;
  db_type: 'postgres';
}

export interface TableRef {
  schema_name: string;
  name: string;
}

export interface ColumnMapping {
  source: string;
  target: string;
}

export interface DbFilter {
  column: string;
  value: string;
}

export interface TablePreviewRequest {
  table: TableRef;
  mappings: ColumnMapping[];
  filters: DbFilter[];
  limit: number;
}

export interface QueryPreviewRequest {
  query: string;
  limit: number;
}

export interface TableImportRequest extends TablePreviewRequest {
  handle: string;
  dedupe_on_id: boolean;
}

export interface QueryImportRequest extends QueryPreviewRequest {
  handle: string;
  dedupe_on_id: boolean;
}
