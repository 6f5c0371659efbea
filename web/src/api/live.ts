// The server's live feed (WebSocket /ws/live?ifid=N): one message a second,
// reconnecting with a growing delay when the connection drops.
import { basePath } from './client';
export interface LiveNumbers {
  ifid: number;
  epoch: number;
  clock: number;
  throughput_bps: number;
  throughput_pps: number;
  packets: number;
  bytes: number;
  drops: number;
  num_flows?: number;
  num_hosts: number;
  num_local_hosts: number;
  alerted_flows?: number;
  engaged_alerts?: number;
  is_loading: boolean;
}

export function openLiveFeed(ifid: number, onMessage: (n: LiveNumbers) => void): () => void {
  let socket: WebSocket | null = null;
  let closed = false;
  let delay = 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${scheme}//${location.host}${basePath}/ws/live?ifid=${ifid}`);
    socket = ws;
    // Closing a socket still connecting makes the browser log a warning: close it once open.
    ws.onopen = () => {
      if (closed) ws.close();
    };
    ws.onmessage = (ev) => {
      if (closed) return;
      delay = 1000;
      onMessage(JSON.parse(ev.data) as LiveNumbers);
    };
    ws.onclose = () => {
      if (closed) return;
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  };
  connect();
  return () => {
    closed = true;
    if (timer) clearTimeout(timer);
    if (socket?.readyState === WebSocket.OPEN) socket.close();
  };
}
