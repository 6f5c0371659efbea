// Human units for every number the UI shows: rates in bits per second,
// volumes in bytes with binary prefixes (as ntopng shows them), durations,
// counts with separators, and long IPv6 addresses shortened for tables.

const RATE_UNITS = ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s', 'Tbit/s'];
const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
const PACKET_UNITS = ['pps', 'Kpps', 'Mpps', 'Gpps'];

function scaled(value: number, base: number, units: string[]): string {
  if (!Number.isFinite(value)) return '–';
  let v = Math.abs(value);
  let i = 0;
  while (v >= base && i < units.length - 1) {
    v /= base;
    i++;
  }
  const digits = i === 0 || v >= 100 ? 0 : v >= 10 ? 1 : 2;
  return `${value < 0 ? '-' : ''}${v.toFixed(digits)} ${units[i]}`;
}

/** 1250000 → "1.25 Mbit/s" (decimal prefixes, as link speeds are quoted). */
export function formatBits(bitsPerSecond: number): string {
  return scaled(bitsPerSecond, 1000, RATE_UNITS);
}

/** Bytes per second as a bit rate: the REST API reports most rates in bytes/s. */
export function formatBytesRate(bytesPerSecond: number): string {
  return formatBits(bytesPerSecond * 8);
}

/** 1536 → "1.50 KB" (binary multiples, as ntopng's bytesToSize). */
export function formatBytes(bytes: number): string {
  return scaled(bytes, 1024, BYTE_UNITS);
}

export function formatPackets(packetsPerSecond: number): string {
  return scaled(packetsPerSecond, 1000, PACKET_UNITS);
}

/** 1234567 → "1,234,567". */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const s = Math.round(Math.abs(n)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${s}` : s;
}

/** Seconds → "42 s", "5 min 10 s", "2 h 03 min", "3 d 04 h". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.floor(seconds);
  const pad = (n: number) => n.toString().padStart(2, '0');
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
  return `${Math.floor(s / 86400)} d ${pad(Math.floor((s % 86400) / 3600))} h`;
}

/** 0.4567 → "45.7 %". */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '–';
  return `${(fraction * 100).toFixed(fraction >= 0.1 ? 0 : 1)} %`;
}

/**
 * Long IPv6 addresses in table cells: the first two groups and the last one
 * around an ellipsis ("2001:db8…:1"); the caller puts the full address in a
 * tooltip. IPv4 and short addresses come back unchanged.
 */
export function shortenAddress(ip: string, max = 22): string {
  if (ip.length <= max || !ip.includes(':')) return ip;
  const groups = ip.split(':');
  const head = groups.slice(0, 2).join(':');
  const tail = groups[groups.length - 1];
  return `${head}…${tail}`;
}
