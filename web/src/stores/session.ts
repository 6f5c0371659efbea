// Who is logged in, and the session's CSRF token (kept for this browser tab).
import { reactive } from 'vue';

const KEY = 'wirelens.session';

interface Saved {
  username: string;
  csrf: string;
  mustChangePassword: boolean;
}

function load(): Saved {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? '');
    if (typeof s.username === 'string' && typeof s.csrf === 'string') return s;
  } catch {
    // nothing saved yet
  }
  return { username: '', csrf: '', mustChangePassword: false };
}

export const session = reactive({
  ...load(),
  get loggedIn(): boolean {
    return this.username !== '';
  },
  set(username: string, csrf: string, mustChangePassword: boolean) {
    this.username = username;
    this.csrf = csrf;
    this.mustChangePassword = mustChangePassword;
    sessionStorage.setItem(KEY, JSON.stringify({ username, csrf, mustChangePassword }));
  },
  clear() {
    this.username = '';
    this.csrf = '';
    this.mustChangePassword = false;
    sessionStorage.removeItem(KEY);
  },
});
