// Bookmarkable URLs (hash history: the server needs no route table for them).
// Filters, sorting and paging live in each page's query string.
import { createRouter, createWebHashHistory } from 'vue-router';
import { session } from './stores/session';
import { user } from './stores/user';
import LoginPage from './pages/LoginPage.vue';
import ChangePasswordPage from './pages/ChangePasswordPage.vue';
import DashboardPage from './pages/DashboardPage.vue';
import FlowsPage from './pages/FlowsPage.vue';
import FlowDetailPage from './pages/FlowDetailPage.vue';
import HostsPage from './pages/HostsPage.vue';
import HostDetailPage from './pages/HostDetailPage.vue';
import InterfacePage from './pages/InterfacePage.vue';
import SettingsPage from './pages/SettingsPage.vue';
import AccountPage from './pages/AccountPage.vue';

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', component: LoginPage, meta: { public: true, bare: true } },
    { path: '/change-password', component: ChangePasswordPage, meta: { bare: true } },
    { path: '/', component: DashboardPage },
    { path: '/flows', component: FlowsPage },
    { path: '/flows/:hashId/:flowKey', component: FlowDetailPage, props: true },
    { path: '/hosts', component: HostsPage },
    { path: '/hosts/:host', component: HostDetailPage, props: true },
    { path: '/interface', component: InterfacePage },
    { path: '/settings', component: SettingsPage, meta: { admin: true } },
    { path: '/account', component: AccountPage },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

// Every page but the login needs a session (a reloaded or new tab asks the
// server whether its cookie still holds one); a default password must change
// first; settings are for administrators.
router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  if (!user.me || user.me.username !== session.username) {
    try {
      await user.load();
    } catch {
      session.clear();
    }
  }
  if (!session.loggedIn) return { path: '/login', query: { next: to.fullPath } };
  if (session.mustChangePassword && to.path !== '/change-password')
    return { path: '/change-password', query: { next: to.fullPath } };
  if (to.meta.admin && !user.isAdmin) return { path: '/' };
  return true;
});
