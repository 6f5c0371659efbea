// Chart text and line colours from the page's theme variables: ECharts draws
// on a canvas, so it cannot inherit CSS colours by itself.
import { theme } from '../stores/theme';

function cssVar(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export function chartColors(): { text: string; muted: string; grid: string } {
  void theme.current;  // read so a watcher on this function reruns on a theme switch
  return { text: cssVar('--fg', '#1d2330'), muted: cssVar('--muted', '#6b7280'), grid: cssVar('--border', '#d7dbe3') };
}

/** Axis styling for a time chart with values formatted by `fmt`. */
export function timeAxes(fmt: (v: number) => string) {
  const c = chartColors();
  return {
    xAxis: { type: 'time', axisLabel: { color: c.muted }, axisLine: { lineStyle: { color: c.grid } } },
    yAxis: { type: 'value', axisLabel: { color: c.muted, formatter: fmt }, splitLine: { lineStyle: { color: c.grid } } },
  };
}
