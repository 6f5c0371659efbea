// The answer of get/interface/data.lua as the interface page reads it. Fields
// a restricted user is not shown (flow and device counts, alerts) and ones a
// server may not report yet (decode_errors) are optional.
export interface DirectionRate {
  bps: number; // bytes per second, as throughput_bps
  pps: number;
}

export interface InterfaceData {
  ifid: number | string;
  ifname: string;
  packets: number;
  bytes: number;
  drops: number;
  throughput_bps: number; // bytes per second
  throughput_pps: number;
  num_flows?: number;
  num_hosts: number;
  num_local_hosts: number;
  num_devices?: number;
  uptime: string;
  localtime: string;
  hosts_pctg: number;
  flows_pctg: number;
  bytes_upload: number;
  bytes_download: number;
  packets_upload: number;
  packets_download: number;
  tcpPacketStats: { retransmissions: number; out_of_order: number; lost: number };
  throughput: { download: DirectionRate; upload: DirectionRate };
  is_loading?: boolean;
  alerted_flows?: number;
  decode_errors?: Record<string, number>;
}

export interface LabelValue {
  label: string;
  value: number;
}
