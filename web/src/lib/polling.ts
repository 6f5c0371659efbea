// Auto-refresh: run `load` now and every `ms` while the page is shown;
// a slow answer never overlaps the next one, and a hidden tab stops asking.
import { onUnmounted } from 'vue';

export function usePolling(load: () => Promise<void>, ms: number): { refresh: () => Promise<void> } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let running: Promise<void> | null = null;

  const refresh = async () => {
    if (running) return running;
    running = load().finally(() => (running = null));
    return running;
  };
  const loop = async () => {
    if (stopped) return;
    if (typeof document === 'undefined' || document.visibilityState !== 'hidden') await refresh();
    if (!stopped) timer = setTimeout(loop, ms);
  };
  loop();
  onUnmounted(() => {
    stopped = true;
    clearTimeout(timer);
  });
  return { refresh };
}
