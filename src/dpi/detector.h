#pragma once
// The nDPI wrapper: one Detector per shard (nDPI modules are not shared
// between threads). Only detector.cpp and ndpi_metadata.cpp include nDPI.
#include <cstdint>
#include <memory>
#include <string>

#include "common/time.h"
#include "dpi/dpi_result.h"

namespace wl {

// Per-flow detection state (nDPI's flow struct plus our ClientHello buffer),
// freed as soon as detection ends.
struct DpiFlowState;
struct DpiFlowStateDeleter {
  void operator()(DpiFlowState* s) const;
};
using DpiFlowHandle = std::unique_ptr<DpiFlowState, DpiFlowStateDeleter>;

// Detection budget (ndpiReader's): packets of a flow, both directions.
constexpr uint32_t kTcpDetectionPackets = 80;
constexpr uint32_t kUdpDetectionPackets = 24;

struct DpiPacket {
  const uint8_t* l3 = nullptr;  // the (innermost) IP header
  uint32_t l3_len = 0;
  const uint8_t* payload = nullptr;  // transport payload inside l3
  uint32_t payload_len = 0;
  uint32_t tcp_seq = 0;
  uint8_t l4_proto = 0;
  int dir = 0;  // 0: client to server
  Micros ts = 0;
};

class Detector {
 public:
  Detector();
  ~Detector();
  Detector(const Detector&) = delete;
  Detector& operator=(const Detector&) = delete;

  DpiFlowHandle start_flow() const;
  // Feeds one packet. Returns true when detection ended with this packet:
  // result and metadata are final and the caller drops the handle.
  bool process(DpiFlowHandle& state, const DpiPacket& p, DpiResult& result,
               std::unique_ptr<FlowMetadata>& meta);
  // Ends detection without more packets (flow end): nDPI's best guess.
  void give_up(DpiFlowHandle& state, DpiResult& result, std::unique_ptr<FlowMetadata>& meta);

  // "TLS.Google", "DNS", "Unknown"
  std::string protocol_name(const DpiResult& r) const;
  // "91.126" (master.app), as nProbe exports L7_PROTO
  static std::string protocol_id_string(const DpiResult& r);
  const char* name_of(uint16_t proto_id) const;
  const char* category_name(uint16_t category) const;
  uint16_t protocol_count() const;
  uint16_t category_count() const;
  // The protocol's default category and its breed name ("Safe", "Acceptable", ...).
  uint16_t default_category(uint16_t proto_id) const;
  const char* breed_name(uint16_t proto_id) const;

  // Live DpiFlowState objects (all detectors): lets tests show that state is
  // freed when detection ends.
  static int64_t live_states();

 private:
  void finish(DpiFlowState& s, DpiResult& result, std::unique_ptr<FlowMetadata>& meta);
  struct Module;
  std::unique_ptr<Module> m_;
};

}  // namespace wl
