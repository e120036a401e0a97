import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  connectDb,
  DEFAULT_IMPORT_LIMIT,
  disconnectDb,
  importDbQuery,
  importDbTable,
  previewDbQuery,
  previewDbTable,
  PREVIEW_ROWS,
  QUERY_IMPORT_MAX,
  TABLE_IMPORT_MAX,
} from '../../lib/database/api';
import { useDbDefaults, useDbSchema } from '../../lib/database/queries';
import type { ConnectForm, DbFilter, DbStore, TableRef } from '../../lib/database/types';
import { connectBody, formFromDefaults, mappingsFor, parseLimit, usableFilters, type ColumnChoice, type SourceMode } from '../../lib/database/wizard';
import type { StoredResponse } from '../../lib/evaluate/types';

export type WizardStep = 'connect' | 'source' | 'map' | 'preview';

const forget = (handle: string) => void disconnectDb(handle).catch(() => undefined);

/** The wizard's state: the connection handle (closed on unmount), the chosen source, mapping, filters and the preview and import calls. */
export function useDbWizard(store: DbStore, onImported: (response: StoredResponse) => void) {
  const defaults = useDbDefaults(store);
  const [typed, setForm] = useState<ConnectForm | null>(null);
  const [handle, setHandle] = useState<string | null>(null);
  const [step, setStep] = useState<WizardStep>('connect');
  const [mode, setMode] = useState<SourceMode>('table');
  const [table, setTable] = useState<TableRef | null>(null);
  const [choices, setChoices] = useState<Record<string, ColumnChoice>>({});
  const [filters, setFilters] = useState<DbFilter[]>([]);
  const [typedSql, setSql] = useState<string | null>(null);
  const [limit, setLimit] = useState(String(DEFAULT_IMPORT_LIMIT));
  const handleRef = useRef<string | null>(null);
  const closed = useRef(false);
  const schema = useDbSchema(handle, mode === 'table' ? table : null);

  useEffect(() => {
    closed.current = false;
    return () => {
      closed.current = true;
      if (handleRef.current) forget(handleRef.current);
      handleRef.current = null;
    };
  }, []);

  const form = typed ?? formFromDefaults(defaults.data);
  const hasPassword = defaults.data?.has_password === true;
  const renameMap = defaults.data?.column_rename_map;
  const sql = typedSql ?? defaults.data?.query ?? '';
  const mappings = useMemo(() => mappingsFor(schema.data?.columns ?? [], choices, renameMap), [schema.data, choices, renameMap]);
  const maxLimit = mode === 'table' ? TABLE_IMPORT_MAX : QUERY_IMPORT_MAX;

  const connect = useMutation({
    mutationFn: () => connectDb(store, connectBody(form, hasPassword)),
    onSuccess: (r) => {
      if (closed.current) return forget(r.handle);
      if (handleRef.current && handleRef.current !== r.handle) forget(handleRef.current);
      handleRef.current = r.handle;
      setHandle(r.handle);
      setStep('source');
    },
  });

  const source = mode === 'table' ? table : null;
  const preview = useMutation({
    mutationFn: (h: string) =>
      source ? previewDbTable(h, { table: source, mappings, filters: usableFilters(filters), limit: PREVIEW_ROWS }) : previewDbQuery(h, { query: sql, limit: PREVIEW_ROWS }),
  });
  const importer = useMutation({
    mutationFn: ({ h, n }: { h: string; n: number }) =>
      source
        ? importDbTable(h, { handle: h, table: source, mappings, filters: usableFilters(filters), limit: n, dedupe_on_id: true })
        : importDbQuery(h, { handle: h, query: sql, limit: n, dedupe_on_id: false }),
    onSuccess: (r) => onImported(r),
  });

  const go = (next: WizardStep) => {
    preview.reset();
    importer.reset();
    setStep(next);
  };

  return {
    defaults,
    form,
    hasPassword,
    editForm: (patch: Partial<ConnectForm>) => setForm({ ...form, ...patch }),
    connect,
    handle,
    step,
    mode,
    setMode,
    table,
    pickTable: (t: TableRef) => {
      setTable({ schema_name: t.schema_name, name: t.name });
      setChoices({});
      setFilters([]);
      go('map');
    },
    schema,
    choices,
    renameMap,
    setChoice: (column: string, choice: ColumnChoice) => setChoices((old) => ({ ...old, [column]: choice })),
    filters,
    setFilters,
    mappings,
    sql,
    setSql,
    preview,
    runPreview: () => {
      if (!handle) return;
      go('preview');
      preview.mutate(handle);
    },
    limit,
    setLimit,
    maxLimit,
    importer,
    runImport: () => {
      const n = parseLimit(limit, maxLimit);
      if (handle && n !== null) importer.mutate({ h: handle, n });
    },
    back: () => go(step === 'preview' ? (mode === 'table' ? 'map' : 'source') : step === 'map' ? 'source' : 'connect'),
  };
}

export type DbWizard = ReturnType<typeof useDbWizard>;
