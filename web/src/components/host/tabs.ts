// The host page's tabs, in display order; the name is the URL's `?tab=`
// value and part of the e2e selectors (tab-<name>, tab-content-<name>).
export const HOST_TABS = [
  { name: 'overview', label: 'Overview' },
  { name: 'traffic', label: 'Traffic' },
  { name: 'ports', label: 'Ports' },
  { name: 'peers', label: 'Peers' },
  { name: 'apps', label: 'Applications' },
  { name: 'dns', label: 'DNS' },
  { name: 'names', label: 'TLS/HTTP names' },
  { name: 'flows', label: 'Flows' },
] as const;

export type HostTab = (typeof HOST_TABS)[number]['name'];

export function isHostTab(name: string): name is HostTab {
  return HOST_TABS.some((t) => t.name === name);
}

/** Where a host name came from, as ntopng's host page words it. */
export const NAME_SOURCES: Record<string, string> = {
  resolved: 'DNS resolution',
  mdns: 'mDNS',
  llmnr: 'LLMNR',
  netbios: 'NetBIOS',
  dhcp: 'DHCP',
  tls: 'TLS server name',
  http: 'HTTP host',
};
