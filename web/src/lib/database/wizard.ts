import { ApiError } from '../api';
import { MASKED_PASSWORD } from './api';
import { SSL_MODES, type ColumnMapping, type ConnectForm, type ConnectRequest, type DbColumn, type DbDefaults, type DbFilter, type TableRef } from './types';

export type SourceMode = 'table' | 'sql';

/** Whether a table column is imported, and under which name. */
export interface ColumnChoice {
  include: boolean;
  target: string;
}

export const DEFAULT_SSL_MODE = 'require';

export function formFromDefaults(defaults: DbDefaults | undefined): ConnectForm {
  return {
    host: defaults?.host ?? '',
    port: String(defaults?.port ?? 5432),
    database: defaults?.database ?? '',
    username: defaults?.username ?? '',
    password: '',
    ssl_mode: defaults?.ssl_mode || DEFAULT_SSL_MODE,
  };
}

/** The three usual modes, plus a stricter configured one (verify-full) so it is not silently weakened. */
export function sslModeOptions(current: string): string[] {
  const modes: string[] = [...SSL_MODES];
  return current && !modes.includes(current) ? [...modes, current] : modes;
}

/** The connect body; an empty password with one configured on the server is sent masked, meaning "use it". */
export function connectBody(form: ConnectForm, hasPassword: boolean): ConnectRequest {
  return {
    host: form.host.trim(),
    port: Number.parseInt(form.port, 10) || 5432,
    database: form.database.trim(),
    username: form.username.trim(),
    password: form.password === '' && hasPassword ? MASKED_PASSWORD : form.password,
    ssl_mode: form.ssl_mode || DEFAULT_SSL_MODE,
    db_type: 'postgres',
  };
}

/** A column's choice: what the user set, else included under its configured rename or its own name. */
export function columnChoice(column: string, choices: Record<string, ColumnChoice>, renameMap: Record<string, string> | undefined): ColumnChoice {
  return choices[column] ?? { include: true, target: renameMap?.[column] ?? column };
}

export function mappingsFor(columns: readonly Pick<DbColumn, 'name'>[], choices: Record<string, ColumnChoice>, renameMap: Record<string, string> | undefined): ColumnMapping[] {
  return columns.flatMap((c) => {
    const choice = columnChoice(c.name, choices, renameMap);
    return choice.include ? [{ source: c.name, target: choice.target.trim() || c.name }] : [];
  });
}

/** Filter rows with both a column and a value; half-filled rows are left out. */
export function usableFilters(filters: DbFilter[]): DbFilter[] {
  return filters.filter((f) => f.column !== '' && f.value !== '');
}

/** The typed row limit as a whole number from 1 to max, or null when it is not one. */
export function parseLimit(text: string, max: number): number | null {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : null;
}

export const tableId = (t: TableRef) => `${t.schema_name}.${t.name}`;

export function matchesTable(t: TableRef, search: string): boolean {
  const q = search.trim().toLowerCase();
  return q === '' || tableId(t).toLowerCase().includes(q);
}

/** A heading for a failed preview or import: 422 refused, 408 timed out, 400 a database error. */
export function failureTitle(error: unknown, mode: SourceMode): string {
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 422) return mode === 'sql' ? 'The server refused this SQL' : 'The server refused this request';
  if (status === 408) return 'The query took too long';
  if (status === 400) return 'The database reported an error';
  return 'The request failed';
}
