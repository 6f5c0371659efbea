// REST calls of the hosts pages that need more than the envelope's `rsp`:
// paged lists also report their row count, which ntopng puts either at the
// envelope's top (`recordsTotal`, v1 style) or inside rsp (`totalRows`);
// client.ts's get() keeps only rsp, so this mirrors it and keeps the count.
import { ApiError, basePath } from '../../api/client';
import { session } from '../../stores/session';

export type Params = Record<string, string | number | boolean | undefined>;

export interface Paged<T> {
  rows: T[];
  total: number;
}

/** The REST URL of a GET (also the target of the JSON download link). */
export function restUrl(path: string, params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `${basePath}/lua/rest/v2/${path}${s ? `?${s}` : ''}`;
}

/** GET a REST path and return the envelope as the server sent it (errors thrown as ApiError). */
export async function getEnvelope(path: string, params: Params): Promise<Record<string, unknown>> {
  const r = await fetch(restUrl(path, params), {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
    credentials: 'same-origin',
  });
  if (r.status === 401) {
    session.clear();
    throw new ApiError(401, 'Your session ended: please log in again.');
  }
  const type = r.headers.get('Content-Type') ?? '';
  if (!type.startsWith('application/json')) {
    const text = (await r.text()).trim();
    throw new ApiError(r.status, text || r.statusText);
  }
  const body = await r.json();
  if (!r.ok || body.rc !== 0) throw new ApiError(r.status, body.rc_str_hr ?? r.statusText, body.rc_str);
  return body;
}

/** A paged list: rsp.data (or rsp itself when it is the array) and the total row count. */
export async function getPaged<T>(path: string, params: Params): Promise<Paged<T>> {
  const body = await getEnvelope(path, params);
  const rsp = body.rsp as { data?: T[]; totalRows?: number } | T[];
  const rows = Array.isArray(rsp) ? rsp : rsp.data ?? [];
  const inner = Array.isArray(rsp) ? undefined : rsp.totalRows;
  const total = Number(body.recordsTotal ?? inner ?? rows.length);
  return { rows, total: Number.isFinite(total) ? total : rows.length };
}

/** "ip" or "ip@vlan": the `host` parameter and the host page's route parameter. */
export function hostKey(ip: string, vlan?: number): string {
  return vlan ? `${ip}@${vlan}` : ip;
}

/** True when the server said the host is unknown (purged after going idle, or never seen). */
export function isNotFound(e: unknown): boolean {
  return e instanceof ApiError && (e.status === 404 || e.rcStr === 'NOT_FOUND');
}
