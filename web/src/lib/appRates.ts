// Realtime application throughput from the server's per-application byte
// totals: each sample's growth over the previous one, divided by the time
// between them, kept for a window of samples. The top applications over the
// window get their own series; the rest is summed as "Other".

export interface AppTotals { [app: string]: number }  // bytes since start
export interface RatePoint { t: number; rates: { [app: string]: number } }  // epoch ms, bit/s

export class AppRateSeries {
  private last: { t: number; totals: AppTotals } | null = null;
  readonly points: RatePoint[] = [];

  constructor(private readonly keep = 120) {}

  /** Adds a sample; the first one only sets the baseline. Counters that went down (a restart) reset it. */
  add(t: number, totals: AppTotals): void {
    const prev = this.last;
    this.last = { t, totals: { ...totals } };
    if (!prev || t <= prev.t) return;
    const dt = (t - prev.t) / 1000;
    const rates: { [app: string]: number } = {};
    for (const [app, bytes] of Object.entries(totals)) {
      const grew = bytes - (prev.totals[app] ?? 0);
      if (grew < 0) {
        this.points.length = 0;
        return;
      }
      if (grew > 0) rates[app] = (grew * 8) / dt;
    }
    this.points.push({ t, rates });
    if (this.points.length > this.keep) this.points.splice(0, this.points.length - this.keep);
  }

  /** The `n` applications with the most traffic over the window, biggest first. */
  top(n: number): string[] {
    const sum: { [app: string]: number } = {};
    for (const p of this.points) for (const [app, r] of Object.entries(p.rates)) sum[app] = (sum[app] ?? 0) + r;
    return Object.entries(sum)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, n)
      .map(([app]) => app);
  }

  /** One [t, bit/s] series per top application, plus "Other" when anything else moved. */
  series(n: number): { name: string; data: [number, number][] }[] {
    const names = this.top(n);
    const out = names.map((name) => ({ name, data: this.points.map((p) => [p.t, p.rates[name] ?? 0] as [number, number]) }));
    const other = this.points.map((p) => {
      let s = 0;
      for (const [app, r] of Object.entries(p.rates)) if (!names.includes(app)) s += r;
      return [p.t, s] as [number, number];
    });
    if (other.some(([, v]) => v > 0)) out.push({ name: 'Other', data: other });
    return out;
  }
}
