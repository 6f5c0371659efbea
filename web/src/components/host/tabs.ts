// The host page's tabs, in display order; the id is the URL's `?tab=`
// value and part of the e2e selectors (tab-<name>, tab-content-<name>).
export const HOST_TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'traffic', label: 'Traffic' },
  { id: 'ports', label: 'Ports' },
  { id: 'peers', label: 'Peers' },
  { id: 'apps', label: 'Applications' },
  { id: 'dns', label: 'DNS' },
  { id: 'names', label: 'TLS/HTTP names' },
  { id: 'flows', label: 'Flows' },
] as const;

export type HostTab = (typeof HOST_TABS)[number]['id'];

export function isHostTab(name: string): name is HostTab {
  return HOST_TABS.some((t) => t.id === name);
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
