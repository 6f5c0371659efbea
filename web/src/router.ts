// Bookmarkable URLs (hash history: the server needs no route table for them).
import { createRouter, createWebHashHistory } from 'vue-router';
import { session } from './stores/session';
import LoginPage from './pages/LoginPage.vue';
import ChangePasswordPage from './pages/ChangePasswordPage.vue';
import DashboardPage from './pages/DashboardPage.vue';

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', component: LoginPage, meta: { public: true, bare: true } },
    { path: '/change-password', component: ChangePasswordPage, meta: { bare: true } },
    { path: '/', component: DashboardPage },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

// Every page but the login needs a session; a default password must change first.
router.beforeEach((to) => {
  if (to.meta.public) return true;
  if (!session.loggedIn) return { path: '/login', query: { next: to.fullPath } };
  if (session.mustChangePassword && to.path !== '/change-password')
    return { path: '/change-password', query: { next: to.fullPath } };
  return true;
});
