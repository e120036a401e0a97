import { useAuthStore } from '../stores/authStore';
import { bearerHeader, getToken } from './auth/token';

export interface ApiEnv {
  VITE_API_URL?: string;
  NEXT_PUBLIC_API_URL?: string;
}

/** The API origin fixed at build time; '' means the page's own origin. */
export function resolveApiBase(env: ApiEnv): string {
  const candidates = [env.VITE_API_URL, env.NEXT_PUBLIC_API_URL];
  const raw = candidates.find((v) => typeof v === 'string' && v.trim() !== '') ?? '';
  return raw.trim().replace(/\/+$/, '');
}

export const API_BASE = resolveApiBase(import.meta.env);

const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

export function joinUrl(base: string, path: string): string {
  if (ABSOLUTE.test(path)) return path;
  const suffix = path.startsWith('/') ? path : `/${path}`;
  return `${base}${suffix}`;
}

export function apiUrl(path: string, base: string = API_BASE): string {
  return joinUrl(base, path);
}

/** Server-relative asset paths (e.g. /api/config/assets/agents/a.png) get the API base; others pass through. */
export function assetUrl(url: string | null | undefined, base: string = API_BASE): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  if (trimmed === '') return null;
  if (ABSOLUTE.test(trimmed)) return trimmed;
  if (trimmed.startsWith('/')) return `${base}${trimmed}`;
  return trimmed;
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: unknown;

  constructor(status: number, message: string, body: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

/** The ApiError for a request that got no answer at all. */
export function networkError(error: unknown, fallback = 'Network error'): ApiError {
  return new ApiError(0, error instanceof Error ? error.message : fallback, null);
}

export interface ApiFetchInit extends Omit<RequestInit, 'headers'> {
  headers?: Record<string, string>;
  /** Sent instead of the stored API token; null sends none. */
  token?: string | null;
}

/**
 * fetch for a path on the AXIS server. Sends the stored API token as a bearer header (never to
 * another origin), and signs out when an /api route answers 401 to the token that is still stored,
 * so a late answer to a request sent before signing in cannot undo the sign-in.
 */
export async function apiFetch(path: string, init: ApiFetchInit = {}): Promise<Response> {
  const { token = getToken(), headers, ...rest } = init;
  const sent = ABSOLUTE.test(path) ? null : token;
  const response = await fetch(apiUrl(path), { ...rest, headers: { ...headers, ...bearerHeader(sent) } });
  signOutOnRejectedToken(path, response.status, sent);
  return response;
}

/** Signs out when an /api route answered 401 to the token that is still stored. */
export function signOutOnRejectedToken(path: string, status: number, sent: string | null): void {
  if (status === 401 && path.startsWith('/api/') && sent === getToken()) useAuthStore.getState().signOut();
}

export interface FetchJsonOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  acceptStatus?: number[];
  /** Sent instead of the stored API token. */
  token?: string;
}

/** One validation issue as text: "field: message" (the field path without "body"/"query"). */
function issueText(issue: unknown): string | null {
  if (!issue || typeof issue !== 'object') return null;
  const { msg, loc } = issue as { msg?: unknown; loc?: unknown };
  if (typeof msg !== 'string') return null;
  const field = Array.isArray(loc) ? loc.slice(1).map(String).join('.') : '';
  return field ? `${field}: ${msg}` : msg;
}

function detailOf(body: unknown, fallback: string): string {
  if (body && typeof body === 'object' && 'detail' in body) {
    const detail = (body as { detail: unknown }).detail;
    if (typeof detail === 'string') return detail;
    if (Array.isArray(detail)) {
      const messages = detail.map(issueText).filter((m): m is string => m !== null);
      if (messages.length > 0) return messages.join('; ');
    }
    if (detail !== undefined) return JSON.stringify(detail);
  }
  return fallback;
}

/** A reply body as JSON when it parses, else the text itself (null when empty). */
export function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function readBody(response: Response): Promise<unknown> {
  return parseBody(await response.text());
}

/** The ApiError for a failed reply's status and parsed body, carrying the server's `detail` when it sent one. */
export function statusError(status: number, parsed: unknown): ApiError {
  return new ApiError(status, detailOf(parsed, `HTTP ${status}`), parsed);
}

/** The ApiError for a failed response, carrying the server's `detail` when it sent one. */
export async function responseError(response: Response): Promise<ApiError> {
  return statusError(response.status, await readBody(response));
}

export interface RequestJsonOptions extends FetchJsonOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON unless it is FormData, which goes as multipart. */
  body?: unknown;
}

/** Sends one request to the API and parses the JSON answer; throws ApiError on a non-2xx status not listed in acceptStatus, or on timeout. */
export async function requestJson<T>(path: string, options: RequestJsonOptions = {}): Promise<T> {
  const controller = new AbortController();
  const { timeoutMs, signal, acceptStatus = [], method = 'GET', body, token } = options;
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort);
  const timer = timeoutMs ? setTimeout(() => controller.abort(), timeoutMs) : undefined;
  const headers: Record<string, string> = { Accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  try {
    const response = await apiFetch(path, { method, headers, body: payload, signal: controller.signal, token });
    if (!response.ok && !acceptStatus.includes(response.status)) throw await responseError(response);
    return (await readBody(response)) as T;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (controller.signal.aborted && !signal?.aborted) {
      throw new ApiError(0, `No answer within ${Math.round((timeoutMs ?? 0) / 1000)} s`, null);
    }
    if (signal?.aborted) throw error;
    throw networkError(error);
  } finally {
    if (timer) clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** GETs JSON from the API; throws ApiError on a non-2xx status not listed in acceptStatus, or on timeout. */
export function fetchJson<T>(path: string, options: FetchJsonOptions = {}): Promise<T> {
  return requestJson<T>(path, options);
}

/** GETs a file from the API (e.g. a CSV export) as a Blob; throws ApiError on a non-2xx status. */
export async function fetchBlob(path: string, signal?: AbortSignal): Promise<Blob> {
  let response: Response;
  try {
    response = await apiFetch(path, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw networkError(error);
  }
  if (!response.ok) throw await responseError(response);
  return response.blob();
}

type QueryValue = string | number | boolean | null | undefined;

/** Builds "path?a=1&b=x", leaving out empty, null and undefined values. */
export function withQuery(path: string, params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}
