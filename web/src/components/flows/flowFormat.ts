// Formatting the flow pages need beyond lib/format.ts: times of day,
// millisecond intervals, latencies the server may not have measured, and
// how alarming a score or risk severity is.

/** Epoch seconds → the viewer's local date and time ("–" when unknown). */
export function formatDateTime(epochSeconds: number | undefined): string {
  if (!epochSeconds || !Number.isFinite(epochSeconds)) return '–';
  return new Date(epochSeconds * 1000).toLocaleString();
}

/** 0.0421 → "0.042 ms", 12.5 → "12.5 ms", 2300 → "2.30 s". */
export function formatMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '–';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  const digits = ms >= 100 ? 0 : ms >= 10 ? 1 : ms >= 1 ? 2 : 3;
  return `${ms.toFixed(digits)} ms`;
}

/** Latencies below zero (or absent) mean the handshake was not seen. */
export function formatLatency(ms: number | undefined): string {
  return ms === undefined || !Number.isFinite(ms) || ms < 0 ? 'not measured' : formatMs(ms);
}

/**
 * How loud to show a score: nDPI risk scores add up per flow, and 100 or
 * more is where ntopng starts treating a flow as an error.
 */
export function scoreLevel(score: number): 'none' | 'low' | 'high' {
  if (score >= 100) return 'high';
  return score > 0 ? 'low' : 'none';
}

/** nDPI severity names, and ntopng's numeric severities mapped onto them. */
const SEVERITY_BY_NUMBER: Record<number, string> = {
  1: 'debug', 2: 'info', 3: 'notice', 4: 'warning', 5: 'error', 6: 'critical', 7: 'alert', 8: 'emergency',
};
const HIGH = new Set(['high', 'severe', 'critical', 'error', 'alert', 'emergency']);

export function severityName(s: string | number): string {
  return typeof s === 'number' ? (SEVERITY_BY_NUMBER[s] ?? String(s)) : s;
}

export function severityIsHigh(s: string | number): boolean {
  return HIGH.has(severityName(s).toLowerCase());
}
