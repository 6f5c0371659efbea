// REST calls of the hosts pages that need more than the envelope's `rsp`:
// paged lists also report their row count, which ntopng puts either at the
// envelope's top (`recordsTotal`, v1 style) or inside rsp (`totalRows`).
import { ApiError, getEnvelope } from '../../api/client';

export type Params = Record<string, string | number | boolean | undefined>;

export interface Paged<T> {
  rows: T[];
  total: number;
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
