// One chart in a component: loads ECharts on first use, draws `option()` when
// mounted and again whenever `sources` or the theme change, follows the
// window's size, and frees the chart with the component.
import { onMounted, onUnmounted, watch, type Ref, type WatchSource } from 'vue';
import { theme } from '../stores/theme';
import type { Chart } from './echarts';

export function useChart(el: Ref<HTMLElement | null>, option: () => Record<string, unknown>, sources: WatchSource[],
  replace: string[] = []): void {
  let chart: Chart | null = null;
  let gone = false;
  const render = () => chart?.setOption(option(), replace.length ? { replaceMerge: replace } : undefined);
  const resize = () => chart?.resize();
  onMounted(async () => {
    // Parsing the charting code takes the main thread for a while: let the
    // page paint its numbers first.
    await new Promise<void>((done) =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(() => done(), { timeout: 400 }) : setTimeout(done, 0));
    const { init } = await import('./echarts');
    if (gone || !el.value) return;
    chart = init(el.value);
    render();
    addEventListener('resize', resize);
  });
  onUnmounted(() => {
    gone = true;
    removeEventListener('resize', resize);
    chart?.dispose();
  });
  watch([...sources, () => theme.current], render, { deep: true });
}
