// Human names for the decoder's reason codes (the snake_case names wirelens
// also prints in its logs and summary). An unknown code still reads well.
const NAMES: Record<string, string> = {
  unsupported_link_type: 'Unsupported link type',
  truncated_link_header: 'Truncated link-layer header',
  non_ip: 'Not IP (ARP, STP, LLC…)',
  bad_ip_version: 'Bad IP version',
  truncated_ip_header: 'Truncated IP header',
  bad_ip_header: 'Bad IP header',
  ip_length_exceeds_frame: 'IP length exceeds the frame',
  bad_ipv6_extension_header: 'Bad IPv6 extension header',
  orphan_fragment: 'Fragment without its first fragment',
};

export function decodeReasonName(code: string): string {
  if (NAMES[code]) return NAMES[code];
  const words = code.replace(/_/g, ' ').replace(/\b(ip|ipv4|ipv6|tcp|udp)\b/gi, (w) => w.toUpperCase());
  return words.charAt(0).toUpperCase() + words.slice(1);
}
