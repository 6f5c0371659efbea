// Shapes of the flow endpoints' answers (ntopng's REST v2), as wirelens sends
// them. Fields the server may leave out are optional.

export interface FlowPeer {
  ip: string;
  name?: string;
  port?: number;
  /** Inside the local networks (-m); not sent by every server version. */
  local?: boolean;
  mac?: string;
}

/** One row of get/flow/active.lua. */
export interface FlowRow {
  key: string;
  hash_id: string;
  first_seen: number;
  last_seen: number;
  client: FlowPeer;
  server: FlowPeer;
  vlan: number;
  protocol: { l4: string; l7: string };
  duration: number;
  bytes: number;
  thpt: { bps: number; pps: number };
  breakdown: { cli2srv: number; srv2cli: number };
  score: string | number;
  info: string;
}

/** get/flow/active.lua's `rsp`: one page of rows and the filtered total. */
export interface FlowPage {
  currentPage: number;
  perPage: number;
  totalRows: number;
  data: FlowRow[];
}

export interface AppCount { name: string; count: number }
export interface L4Count { id: number; count: number }
export interface Category { name: string; cat_id: number }

export interface FlowDirection {
  packets: number;
  bytes: number;
  payload_bytes?: number;
  fragments?: number;
  retransmissions?: number;
  out_of_order?: number;
  lost?: number;
  zero_window?: number;
  tcp_flags?: string;
  /** Packet inter-arrival times; `samples` 0 means too few packets to measure. */
  iat?: { samples?: number; min_ms: number; avg_ms: number; max_ms: number };
}

export interface FlowRisk { id: number; name: string; severity: string | number; score: number }

/** get/flow/data.lua's `rsp`: everything known about one active flow. */
export interface FlowDetail {
  key: string;
  hash_id: string;
  vlan: number;
  first_seen: number;
  last_seen: number;
  duration: number;
  client: FlowPeer;
  server: FlowPeer;
  protocol: {
    l4: string;
    l4_id?: number;
    l7: string;
    master?: string;
    app?: string;
    category?: string;
    breed?: string;
    confidence?: string;
    guessed?: boolean;
    detection_completed?: boolean;
  };
  bytes: number;
  packets: number;
  cli2srv: FlowDirection;
  srv2cli: FlowDirection;
  thpt: { bps: number; pps: number; peak_bps?: number };
  goodput_bytes?: number;
  goodput_ratio?: number;
  tunnelled?: boolean;
  tcp?: { state?: string; reset?: boolean; cli_latency_ms?: number; srv_latency_ms?: number; rtt_ms?: number };
  score: string | number;
  risks?: FlowRisk[];
  info?: string;
  dns?: { query?: string; query_type?: string | number; rcode?: string | number; answered?: boolean; answers?: string[] };
  http?: { host?: string; url?: string; method?: string; user_agent?: string; content_type?: string; status?: number };
  tls?: {
    sni?: string; version?: string; alpn?: string; ja3c?: string; ja3s?: string; ja4c?: string;
    issuer?: string; subject?: string; not_before?: number; not_after?: number;
    /** The cipher suite: its IANA number (wirelens) or its name. */
    cipher?: string | number;
  };
  ssh?: { client_banner?: string; server_banner?: string; hassh_client?: string; hassh_server?: string };
  dhcp?: { host_name?: string; vendor_class?: string; fingerprint?: string };
  netbios?: { name?: string };
}

/** IANA protocol numbers the L4 filter names (others show as "IP proto N"). */
const L4_NAMES: Record<number, string> = {
  1: 'ICMP', 2: 'IGMP', 6: 'TCP', 17: 'UDP', 41: 'IPv6', 47: 'GRE', 50: 'ESP', 51: 'AH', 58: 'ICMPv6',
  89: 'OSPF', 103: 'PIM', 112: 'VRRP', 132: 'SCTP',
};

export function l4Name(id: number): string {
  return L4_NAMES[id] ?? `IP proto ${id}`;
}

/** The detail page's path for a flow (the router's /flows/:hashId/:key). */
export function flowPath(f: { hash_id: string; key: string }): string {
  return `/flows/${encodeURIComponent(f.hash_id)}/${encodeURIComponent(f.key)}`;
}

/** Scores arrive as strings from active.lua and numbers elsewhere. */
export function scoreOf(s: string | number | undefined): number {
  const n = Number(s ?? 0);
  return Number.isFinite(n) ? n : 0;
}
