#pragma once
// Frame decoding: a pure function from captured bytes to a DecodedPacket.
#include <cstdint>

#include "decode/decode_error.h"
#include "decode/packet.h"

namespace wl {

// Link types as libpcap's pcap_datalink() reports them (DLT_* values).
namespace dlt {
constexpr int kNull = 0;
constexpr int kEthernet = 1;
constexpr int kPpp = 9;
constexpr int kRaw = 12;
constexpr int kRawOpenBsd = 14;
constexpr int kPppSerial = 50;
constexpr int kPppEther = 51;
constexpr int kLinktypeRaw = 101;
constexpr int kCiscoHdlc = 104;
constexpr int kLoop = 108;
constexpr int kLinuxSll = 113;
constexpr int kIpv4 = 228;
constexpr int kIpv6 = 229;
constexpr int kLinuxSll2 = 276;
}  // namespace dlt

// caplen: bytes available; wire_len: the frame's length on the wire. When the
// frame was snapped (caplen < wire_len) IP lengths beyond the capture are
// accepted and L4 is read as far as it was captured.
DecodeError decode_frame(const uint8_t* frame, uint32_t caplen, uint32_t wire_len, int linktype,
                         DecodedPacket& out);

bool is_supported_linktype(int linktype);

}  // namespace wl
