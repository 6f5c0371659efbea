"""Writes small synthetic pcap files (Ethernet, IPv4, TCP/UDP) for tests."""
import struct


def _csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ipv4(src, dst, proto, payload):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 0, 0x4000, 64, proto, 0,
                      bytes(src), bytes(dst))
    hdr = hdr[:10] + struct.pack("!H", _csum(hdr)) + hdr[12:]
    return hdr + payload


def tcp(sport, dport, seq, ack, flags, payload=b"", window=65535):
    return struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, window, 0, 0) + payload


def udp(sport, dport, payload=b""):
    return struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload


def ethernet(ip_packet, src_mac=b"\x02\0\0\0\0\x01", dst_mac=b"\x02\0\0\0\0\x02"):
    return dst_mac + src_mac + b"\x08\x00" + ip_packet


class PcapWriter:
    def __init__(self, path):
        self.f = open(path, "wb")
        self.f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))

    def add(self, ts_us, frame):
        self.f.write(struct.pack("<IIII", ts_us // 1_000_000, ts_us % 1_000_000, len(frame), len(frame)))
        self.f.write(frame)

    def close(self):
        self.f.close()


SYN, ACK, FIN, PSH, RST = 0x02, 0x10, 0x01, 0x08, 0x04


def tcp_conversation(w, ts, client, server, cport, sport, data_segments=3):
    """A complete connection: handshake, request/response segments, FIN both ways.
    Returns (next timestamp, client packets, server packets)."""
    c, s = 1000, 5000
    pkts = [(client, server, cport, sport, c, 0, SYN, b""), (server, client, sport, cport, s, c + 1, SYN | ACK, b"")]
    c += 1; s += 1
    pkts.append((client, server, cport, sport, c, s, ACK, b""))
    for _ in range(data_segments):
        pkts.append((client, server, cport, sport, c, s, PSH | ACK, b"q" * 100)); c += 100
        pkts.append((server, client, sport, cport, s, c, PSH | ACK, b"r" * 500)); s += 500
    pkts.append((client, server, cport, sport, c, s, FIN | ACK, b"")); c += 1
    pkts.append((server, client, sport, cport, s, c, FIN | ACK, b"")); s += 1
    pkts.append((client, server, cport, sport, c, s, ACK, b""))
    n_c = n_s = 0
    for src, dst, sp, dp, seq, ack, fl, pl in pkts:
        w.add(ts, ethernet(ipv4(src, dst, 6, tcp(sp, dp, seq, ack, fl, pl))))
        ts += 1000
        if src == client:
            n_c += 1
        else:
            n_s += 1
    return ts, n_c, n_s
