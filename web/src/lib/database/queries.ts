import { useQuery } from '@tanstack/react-query';
import { getDbDefaults, getDbSchema, getDistinctValues, listDbTables } from './api';
import type { DbStore, TableRef } from './types';

export const dbKeys = {
  defaults: (store: DbStore) => ['database', 'defaults', store] as const,
  tables: (handle: string) => ['database', handle, 'tables'] as const,
  schema: (handle: string, t: TableRef | null) => ['database', handle, 'schema', t?.schema_name ?? '', t?.name ?? ''] as const,
  distinct: (handle: string, t: TableRef, column: string) => ['database', handle, 'distinct', t.schema_name, t.name, column] as const,
};

export function useDbDefaults(store: DbStore) {
  return useQuery({ queryKey: dbKeys.defaults(store), queryFn: ({ signal }) => getDbDefaults(store, signal), retry: false });
}

export function useDbTables(handle: string | null) {
  return useQuery({
    queryKey: dbKeys.tables(handle ?? ''),
    queryFn: ({ signal }) => listDbTables(handle!, signal),
    enabled: !!handle,
    retry: false,
  });
}

export function useDbSchema(handle: string | null, table: TableRef | null) {
  return useQuery({
    queryKey: dbKeys.schema(handle ?? '', table),
    queryFn: ({ signal }) => getDbSchema(handle!, table!, signal),
    enabled: !!handle && !!table,
    retry: false,
  });
}

/** Up to 100 values of a column, offered while typing a filter value. */
export function useDistinctValues(handle: string, table: TableRef, column: string) {
  return useQuery({
    queryKey: dbKeys.distinct(handle, table, column),
    queryFn: ({ signal }) => getDistinctValues(handle, table, column, signal),
    enabled: column !== '',
    retry: false,
    staleTime: 60_000,
  });
}
