import { fetchJson } from '../api';
import type { ReportsStatus } from './types';

export const REPORT_STREAM_PATH = '/api/reports/generate/stream';

export function getReportsStatus(signal?: AbortSignal): Promise<ReportsStatus> {
  return fetchJson<ReportsStatus>('/api/reports/status', { signal });
}
