// Who the logged-in user is (role, restrictions) and the session's CSRF
// token, asked from the server so a reloaded or new tab knows them too.
import { reactive } from 'vue';
import { get } from '../api/client';
import { session } from './session';

export interface Me {
  username: string;
  full_name: string;
  user_role: 'administrator' | 'unprivileged';
  allowed_networks: string;
  allowed_interface: string;
  csrf: string;
  must_change_password: boolean;
  has_api_token: boolean;
}

export const user = reactive({
  me: null as Me | null,
  get isAdmin(): boolean {
    return this.me?.user_role === 'administrator';
  },
  async load() {
    const me = await get<Me>('get/user/me.lua');
    this.me = me;
    session.set(me.username, me.csrf, me.must_change_password);
  },
  clear() {
    this.me = null;
  },
});
