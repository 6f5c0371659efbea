// Chart text and line colours from the page's theme variables: ECharts draws
// on a canvas, so it cannot inherit CSS colours by itself.
import { theme } from '../stores/theme';
import { formatBits } from './format';

function cssVar(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export function chartColors(): { text: string; muted: string; grid: string } {
  void theme.current;  // read so a watcher on this function reruns on a theme switch
  return { text: cssVar('--fg', '#1d2330'), muted: cssVar('--muted', '#6b7280'), grid: cssVar('--border', '#d7dbe3') };
}

/** Axis styling for a time chart with values formatted by `fmt`. */
function timeAxes(fmt: (v: number) => string) {
  const c = chartColors();
  return {
    xAxis: { type: 'time', axisLabel: { color: c.muted }, axisLine: { lineStyle: { color: c.grid } } },
    yAxis: { type: 'value', axisLabel: { color: c.muted, formatter: fmt }, splitLine: { lineStyle: { color: c.grid } } },
  };
}

export interface TimeSeries { name: string; data: [number, number][]; color?: string }

/**
 * Stacked areas over time, rates in bit/s: the interface traffic and the
 * top applications. `fitTime` makes the time axis span exactly the samples.
 */
export function stackedRateChart(series: TimeSeries[], opts: { legendTop?: boolean; fitTime?: boolean } = {}) {
  const a = timeAxes(formatBits);
  return {
    animation: false,
    grid: { left: 70, right: 16, top: opts.legendTop ? 40 : 30, bottom: 30 },
    legend: opts.legendTop
      ? { top: 0, type: 'scroll', textStyle: { color: chartColors().text } }
      : { top: 0, right: 0, textStyle: { color: chartColors().text } },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatBits(Number(v)) },
    xAxis: opts.fitTime ? { ...a.xAxis, min: 'dataMin', max: 'dataMax' } : a.xAxis,
    yAxis: a.yAxis,
    series: series.map((s) => ({
      name: s.name, type: 'line', stack: 'total', areaStyle: {}, showSymbol: false, data: s.data,
      ...(s.color ? { itemStyle: { color: s.color }, lineStyle: { width: 1 } } : {}),
    })),
  };
}
