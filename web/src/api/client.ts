// The UI's only way to wirelens: the REST API (ntopng's v2 paths) with the
// session cookie. Every call marks itself as the UI (X-Requested-With), so a
// 401 never opens the browser's own login dialog; state-changing calls carry
// the session's CSRF token in their JSON body, as the server requires.
import { session } from '../stores/session';

export class ApiError extends Error {
  constructor(public status: number, message: string, public rcStr = '') {
    super(message);
  }
}

/** The server's --http-prefix: everything is served below the page's folder. */
export const basePath = typeof location === 'undefined' ? '' : location.pathname.replace(/\/[^/]*$/, '');

function url(path: string, params?: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return basePath + (s ? `${path}?${s}` : path);
}

/** The whole envelope of a successful answer; failures are thrown as ApiError. */
async function parseEnvelope(r: Response): Promise<Record<string, unknown>> {
  const type = r.headers.get('Content-Type') ?? '';
  if (r.status === 401) {
    session.clear();
    throw new ApiError(401, 'Your session ended: please log in again.');
  }
  if (!type.startsWith('application/json')) {
    const text = (await r.text()).trim();
    if (r.status === 403 && text.includes('default one')) session.mustChangePassword = true;
    throw new ApiError(r.status, text || r.statusText);
  }
  const body = await r.json();
  if (!r.ok || body.rc !== 0) throw new ApiError(r.status, body.rc_str_hr ?? r.statusText, body.rc_str);
  return body;
}

async function parse<T>(r: Response): Promise<T> {
  return (await parseEnvelope(r)).rsp as T;
}

const headers = { 'X-Requested-With': 'XMLHttpRequest' };

/** GET /lua/rest/v2/<path> and return `rsp`. */
export async function get<T>(path: string, params?: Record<string, string | number | boolean | undefined>): Promise<T> {
  const r = await fetch(url(`/lua/rest/v2/${path}`, params), { headers, credentials: 'same-origin' });
  return parse<T>(r);
}

/** GET /lua/rest/v2/<path> and return the whole envelope (paging totals, downloads). */
export async function getEnvelope(path: string, params?: Record<string, string | number | boolean | undefined>) {
  const r = await fetch(url(`/lua/rest/v2/${path}`, params), { headers, credentials: 'same-origin' });
  return parseEnvelope(r);
}

/** GET a Pro-path endpoint (/lua/pro/rest/v2/<path>), served by wirelens too. */
export async function getPro<T>(path: string, params?: Record<string, string | number | boolean | undefined>): Promise<T> {
  const r = await fetch(url(`/lua/pro/rest/v2/${path}`, params), { headers, credentials: 'same-origin' });
  return parse<T>(r);
}

/** POST a JSON body (with the CSRF token) to an absolute path and return `rsp`. */
export async function post<T>(path: string, body: Record<string, unknown>): Promise<T> {
  const r = await fetch(basePath + path, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ ...body, csrf: session.csrf }),
  });
  return parse<T>(r);
}

interface LoginAnswer {
  username: string;
  csrf: string;
  must_change_password: boolean;
}

/** The login form's POST; on success the server sets the session cookie. */
export async function login(user: string, password: string): Promise<void> {
  const form = new URLSearchParams({ user, password });
  const r = await fetch(`${basePath}/authorize.html`, {
    method: 'POST',
    headers: { ...headers, Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
    credentials: 'same-origin',
    body: form.toString(),
  });
  if (r.status === 429) throw new ApiError(429, 'Too many failed logins: wait a minute and try again.');
  if (!r.ok) throw new ApiError(r.status, 'Wrong user name or password.');
  const a = await parse<LoginAnswer>(r);
  session.set(a.username, a.csrf, a.must_change_password);
}

export async function changePassword(username: string, oldPassword: string, newPassword: string, confirm: string) {
  await post('/lua/admin/password_reset.lua', {
    username, old_password: oldPassword, new_password: newPassword, confirm_password: confirm,
  });
  session.mustChangePassword = false;
}
