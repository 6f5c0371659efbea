// One colour per application or category name, the same on every chart and
// page (derived from a hash of the name), so "TLS.Google" is
// recognisable across the dashboard, the interface page and a host's tabs.
const FIXED: Record<string, string> = { Unknown: '#9e9e9e', Other: '#c7c7c7' };

/** FNV-1a of the name: stable across sessions and browsers. */
function hash(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** A hue from the hash (360 of them, not a 16-colour palette, so neighbours rarely collide). */
export function colorFor(name: string): string {
  if (FIXED[name]) return FIXED[name];
  const h = hash(name);
  const hue = h % 360;
  const light = 42 + ((h >>> 9) % 3) * 8;  // 42, 50 or 58 %: separates close hues
  return `hsl(${hue}, 62%, ${light}%)`;
}
