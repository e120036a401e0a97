import type { Row } from '../evaluate/types';

/** The store a wizard imports into: evaluation data, monitoring records or human signals. */
export type DbStore = 'data' | 'monitoring' | 'human_signals';

export const SSL_MODES = ['disable', 'prefer', 'require'] as const;

/** The configured connection of a store's source; the password itself never leaves the server. */
export interface DbDefaults {
  url: string | null;
  host: string | null;
  port: number | null;
  database: string | null;
  username: string | null;
  has_password: boolean;
  ssl_mode: string | null;
  table: string | null;
  has_defaults: boolean;
  tables: string[];
  filters: Array<{ column: string; label: string }>;
  column_rename_map: Record<string, string>;
  query: string | null;
  query_timeout: number | null;
  row_limit: number | null;
}

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

export interface ConnectResponse {
  success?: boolean;
  handle: string;
  message?: string;
  version?: string;
}

export interface TableRef {
  schema_name: string;
  name: string;
}

export interface DbTable extends TableRef {
  row_count_estimate?: number | null;
}

export interface TablesResponse {
  success?: boolean;
  tables?: DbTable[];
}

export interface DbColumn {
  name: string;
  data_type?: string;
  nullable?: boolean;
}

export interface SchemaResponse {
  success?: boolean;
  columns?: DbColumn[];
  sample_values?: Record<string, unknown[]>;
}

export interface DistinctValuesResponse {
  success?: boolean;
  values?: unknown[];
}

export interface ColumnMapping {
  source: string;
  target: string;
}

export interface DbFilter {
  column: string;
  value: string;
}

export interface DbPreviewResponse {
  success?: boolean;
  data?: Row[];
  row_count?: number;
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
