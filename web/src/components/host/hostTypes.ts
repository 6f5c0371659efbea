// Shapes of the host endpoints' answers, as far as the hosts pages read them
// (ntopng's v2 field names, dotted keys included).

/** A row of get/host/active.lua (thpt.bps is in bits per second there). */
export interface HostRow {
  key: string;
  ip: string;
  vlan: number;
  name: string;
  first_seen: number;
  last_seen: number;
  is_localhost: boolean;
  thpt: { bps: number; pps: number };
  bytes: { total: number; sent: number; recvd: number };
  num_flows: { total: number; as_client: number; as_server: number };
  mac?: string;
}

export interface AppUsage {
  breed?: string;
  num_flows?: number;
  'bytes.sent'?: number;
  'bytes.rcvd'?: number;
}

export interface CategoryUsage {
  bytes?: number;
  'bytes.sent'?: number;
  'bytes.rcvd'?: number;
}

/**
 * get/host/data.lua. Numbers are read through num() because a host that
 * never used, say, ICMP may lack those keys; throughput_bps is in BYTES/s.
 */
export interface HostData {
  ip: string;
  vlan: number;
  name: string;
  /** source → name; an empty array when the host has no name. */
  names: Record<string, string> | [];
  mac?: string;
  localhost: boolean;
  privatehost: boolean;
  is_broadcast?: boolean;
  is_multicast?: boolean;
  local_network_name?: string;
  score: number;
  'score.as_client'?: number;
  'score.as_server'?: number;
  'seen.first': number;
  'seen.last': number;
  duration: number;
  throughput_bps: number;
  throughput_pps: number;
  ndpi?: Record<string, AppUsage>;
  ndpi_categories?: Record<string, CategoryUsage>;
  [dotted: string]: unknown;
}

/** A number field of the host record, 0 when absent. */
export function num(d: HostData, key: string): number {
  const v = d[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** A MAC worth showing: the server sends all zeros when it saw none (hosts behind a router). */
export function knownMac(mac: string | undefined): boolean {
  return !!mac && !/^(00:){5}00$/.test(mac);
}

export interface PortUse {
  port: number;
  l4: string;
  app: string;
  flows: number;
  bytes: number;
}

export interface Peer {
  ip: string;
  vlan: number;
  name: string;
  local: boolean;
  flows: number;
  bytes_sent: number;
  bytes_rcvd: number;
  apps: string;
}

export interface DnsQuery {
  query: string;
  type: string;
  rcode: string;
  answered: boolean;
  count: number;
  role: 'client' | 'server';  // the host asked the query, or answered it as a DNS server
}

export interface ServerName {
  name: string;
  kind: 'TLS' | 'HTTP' | string;
  role: 'client' | 'server';  // the host reached the name, or was reached under it
  flows: number;
  bytes: number;
}

/** get/host/activity.lua: what the host's active flows show, capped per list. */
export interface Activity {
  flows_scanned: number;
  truncated: boolean;
  server_ports: number[];
  ports: { client: PortUse[]; server: PortUse[] };
  peers: Peer[];
  dns: DnsQuery[];
  names: ServerName[];
}

