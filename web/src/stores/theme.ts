// Light or dark: the user's choice is remembered in this browser; without
// one, the system's preference decides.
import { reactive } from 'vue';

export type Theme = 'light' | 'dark';
const KEY = 'wirelens.theme';

function initial(): Theme {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  const dark = typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches;
  return dark ? 'dark' : 'light';
}

export const theme = reactive({
  current: initial(),
  apply() {
    if (typeof document !== 'undefined') document.documentElement.dataset.theme = this.current;
  },
  toggle() {
    this.current = this.current === 'dark' ? 'light' : 'dark';
    localStorage.setItem(KEY, this.current);
    this.apply();
  },
});
