// One colour per application or category, the same on every chart and page:
// "TLS.Google" (master.application in flow lists) takes the colour of its
// application, "Google", as the per-application totals name it. Common
// applications get fixed, well-separated colours; any other name is hashed
// onto the same palette, so a name keeps its colour across sessions and
// browsers.
const PALETTE = [
  '#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#edc948', '#76b7b2', '#ff9da7',
  '#9c755f', '#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#17becf', '#bcbd22', '#8c564b',
  '#e377c2', '#3b3eac', '#0099c6', '#dd4477', '#66aa00', '#b82e2e', '#316395', '#994499',
];
const FIXED: Record<string, string> = { Unknown: '#9e9e9e', Other: '#c7c7c7' };
// Frequent names, one palette slot each (index into PALETTE).
const COMMON = [
  'TLS', 'DNS', 'HTTP', 'QUIC', 'Google', 'Microsoft', 'Teams', 'Azure', 'Amazon', 'AmazonAWS', 'Apple',
  'Facebook', 'YouTube', 'Netflix', 'Dropbox', 'WhatsApp', 'Skype_Teams', 'Microsoft365', 'Cloudflare',
  'NTP', 'ICMP', 'STUN', 'SSH', 'DHCP',
];

/** FNV-1a of the name: stable across sessions and browsers. */
function hash(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export function colorFor(name: string): string {
  const app = name.slice(name.lastIndexOf('.') + 1) || name;
  if (FIXED[app]) return FIXED[app];
  const common = COMMON.indexOf(app);
  return PALETTE[common >= 0 ? common % PALETTE.length : hash(app) % PALETTE.length];
}
