// One colour per application or category name, the same on every chart and
// page (a hash of the name picks from a fixed palette), so "TLS.Google" is
// recognisable across the dashboard, the interface page and a host's tabs.
const PALETTE = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7',
  '#9c755f', '#bab0ac', '#1f77b4', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#17becf',
];
const FIXED: Record<string, string> = { Unknown: '#9e9e9e', Other: '#c7c7c7' };

export function colorFor(name: string): string {
  if (FIXED[name]) return FIXED[name];
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return PALETTE[(h >>> 0) % PALETTE.length];
}
