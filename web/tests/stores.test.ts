import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The stores use the browser's storage and fetch: a small in-memory Storage and
// a fetch answering like the server stand in for them here.
class MemoryStorage {
  private m = new Map<string, string>();
  getItem(k: string) { return this.m.has(k) ? this.m.get(k)! : null; }
  setItem(k: string, v: string) { this.m.set(k, String(v)); }
  removeItem(k: string) { this.m.delete(k); }
  clear() { this.m.clear(); }
}

function answer(rsp: unknown, status = 200) {
  return new Response(JSON.stringify({ rc: status === 200 ? 0 : -1, rc_str: 'OK', rc_str_hr: 'x', rsp }), {
    status, headers: { 'Content-Type': 'application/json' },
  });
}

beforeEach(() => {
  vi.resetModules();
  vi.stubGlobal('sessionStorage', new MemoryStorage());
  vi.stubGlobal('localStorage', new MemoryStorage());
});
afterEach(() => vi.unstubAllGlobals());

describe('session store', () => {
  it('remembers the user and CSRF token for the tab, and forgets them', async () => {
    const { session } = await import('../src/stores/session');
    expect(session.loggedIn).toBe(false);
    session.set('alice', 'c0ffee', true);
    expect(session.loggedIn).toBe(true);
    vi.resetModules();
    const again = (await import('../src/stores/session')).session;  // a reload of the page
    expect(again.username).toBe('alice');
    expect(again.csrf).toBe('c0ffee');
    expect(again.mustChangePassword).toBe(true);
    again.clear();
    expect(sessionStorage.getItem('wirelens.session')).toBeNull();
    expect(again.loggedIn).toBe(false);
  });
  it('ignores a corrupt saved value', async () => {
    sessionStorage.setItem('wirelens.session', '{not json');
    const { session } = await import('../src/stores/session');
    expect(session.loggedIn).toBe(false);
  });
});

describe('user store', () => {
  it('loads the caller from the server and fills the session', async () => {
    const fetch = vi.fn(async (_url: string) => answer({ username: 'bob', user_role: 'unprivileged', csrf: 'ab12', must_change_password: false }));
    vi.stubGlobal('fetch', fetch);
    const { user } = await import('../src/stores/user');
    const { session } = await import('../src/stores/session');
    await user.load();
    expect(String(fetch.mock.calls[0][0])).toContain('/lua/rest/v2/get/user/me.lua');
    expect(user.isAdmin).toBe(false);
    expect(session.username).toBe('bob');
    expect(session.csrf).toBe('ab12');
  });
  it('ends the session on a 401', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 401 })));
    const { user } = await import('../src/stores/user');
    const { session } = await import('../src/stores/session');
    session.set('bob', 'x', false);
    await expect(user.load()).rejects.toThrow(/log in again/);
    expect(session.loggedIn).toBe(false);
  });
});

describe('interfaces store', () => {
  it('keeps the chosen interface when it still exists, else takes the first', async () => {
    const list = [{ ifid: 3, ifname: 'eth0', name: 'eth0' }, { ifid: 5, ifname: 'eth1', name: 'eth1' }];
    vi.stubGlobal('fetch', vi.fn(async () => answer(list)));
    const { interfaces } = await import('../src/stores/interfaces');
    await interfaces.load();
    expect(interfaces.current).toBe(3);
    interfaces.current = 5;
    await interfaces.load();
    expect(interfaces.current).toBe(5);
  });
  it('reports a failure without losing the list', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer([], 500)));
    const { interfaces } = await import('../src/stores/interfaces');
    await interfaces.load();
    expect(interfaces.error).not.toBe('');
  });
});

describe('theme store', () => {
  it('toggles and remembers the choice', async () => {
    const { theme } = await import('../src/stores/theme');
    const first = theme.current;
    theme.toggle();
    expect(theme.current).not.toBe(first);
    expect(localStorage.getItem('wirelens.theme')).toBe(theme.current);
    vi.resetModules();
    expect((await import('../src/stores/theme')).theme.current).toBe(theme.current);
  });
});
