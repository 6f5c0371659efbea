#include "dpi/detector.h"

#include <atomic>
#include <cstring>
#include <vector>

#include "dpi/ja4.h"
#include "dpi/ndpi_include.h"
#include "dpi/ndpi_metadata.h"
#include "dpi/tls_client_hello.h"

namespace wl {

namespace {
std::atomic<int64_t> g_live_states{0};
constexpr size_t kMaxClientHello = 16 * 1024;

}  // namespace

struct DpiFlowState {
  ndpi_flow_struct* flow = nullptr;
  uint32_t packets = 0;
  bool tcp = false;
  // The client's first bytes, in order, until a whole ClientHello is there.
  std::vector<uint8_t> hello;
  uint32_t hello_next_seq = 0;
  bool hello_started = false, hello_done = false;
  std::string ja4;
  uint16_t last_master = 0, last_app = 0, last_category = 0;  // as of the last packet

  DpiFlowState() {
    flow = static_cast<ndpi_flow_struct*>(ndpi_flow_malloc(SIZEOF_FLOW_STRUCT));
    if (flow) std::memset(flow, 0, SIZEOF_FLOW_STRUCT);  // ndpi_flow_malloc does not zero
    ++g_live_states;
  }
  ~DpiFlowState() {
    if (flow) ndpi_free_flow(flow);
    --g_live_states;
  }
};

void DpiFlowStateDeleter::operator()(DpiFlowState* s) const { delete s; }

struct Detector::Module {
  ndpi_detection_module_struct* ndpi = nullptr;
};

Detector::Detector() : m_(std::make_unique<Module>()) {
  m_->ndpi = ndpi_init_detection_module(ndpi_no_prefs);
  NDPI_PROTOCOL_BITMASK all;
  NDPI_BITMASK_SET_ALL(all);
  ndpi_set_protocol_detection_bitmask2(m_->ndpi, &all);
  ndpi_finalize_initialization(m_->ndpi);
}

Detector::~Detector() {
  if (m_->ndpi) ndpi_exit_detection_module(m_->ndpi);
}

int64_t Detector::live_states() { return g_live_states.load(); }

DpiFlowHandle Detector::start_flow() const { return DpiFlowHandle(new DpiFlowState()); }

namespace {
// Collects the client's first TCP payload bytes in sequence order and
// computes JA4 once a whole ClientHello is there. nDPI 4.2 keeps no raw
// ClientHello, so this is ours.
void feed_client_hello(DpiFlowState& s, const DpiPacket& p) {
  if (s.hello_done || p.dir != 0 || p.payload_len == 0) return;
  if (!s.hello_started) {
    s.hello_started = true;
    s.hello_next_seq = p.tcp_seq;
  }
  if (p.tcp_seq != s.hello_next_seq) return;  // retransmission or gap: wait for the in-order bytes
  s.hello.insert(s.hello.end(), p.payload, p.payload + p.payload_len);
  s.hello_next_seq += p.payload_len;
  ClientHello ch;
  ParseStatus st = parse_tls_client_hello_records(s.hello, ch);
  if (st == ParseStatus::kOk) s.ja4 = ja4_client(ch, 't');
  if (st != ParseStatus::kNeedMore || s.hello.size() > kMaxClientHello) {
    s.hello_done = true;
    s.hello.clear();
    s.hello.shrink_to_fit();
  }
}
}  // namespace

bool Detector::process(DpiFlowHandle& state, const DpiPacket& p, DpiResult& result,
                       std::unique_ptr<FlowMetadata>& meta) {
  DpiFlowState& s = *state;
  s.tcp = p.l4_proto == 6;
  if (s.tcp) feed_client_hello(s, p);
  ++s.packets;
  if (!s.flow) {  // allocation failed: nothing to learn
    finish(s, result, meta);
    return true;
  }
  uint16_t len = static_cast<uint16_t>(p.l3_len > 65535 ? 65535 : p.l3_len);
  ndpi_protocol proto = ndpi_detection_process_packet(m_->ndpi, s.flow, p.l3, len,
                                                      static_cast<uint64_t>(p.ts / 1000));
  bool budget_spent = s.packets >= (s.tcp ? kTcpDetectionPackets : kUdpDetectionPackets);
  // ndpiReader's rule: an application is known (4.2 keeps single-level
  // results there too).
  bool detected = proto.app_protocol != NDPI_PROTOCOL_UNKNOWN;
  if (!detected && !budget_spent) return false;
  // Detected: keep feeding while nDPI wants more (certificates, JA3S, DNS
  // answers), within the budget.
  if (detected && !budget_spent && ndpi_extra_dissection_possible(m_->ndpi, s.flow)) return false;
  if (detected && s.tcp && !s.hello_done && s.hello_started && !budget_spent) return false;  // finish JA4
  s.last_master = proto.master_protocol;
  s.last_app = proto.app_protocol;
  s.last_category = static_cast<uint16_t>(proto.category);
  finish(s, result, meta);
  return true;
}

void Detector::give_up(DpiFlowHandle& state, DpiResult& result, std::unique_ptr<FlowMetadata>& meta) {
  finish(*state, result, meta);
}

void Detector::finish(DpiFlowState& s, DpiResult& result, std::unique_ptr<FlowMetadata>& meta) {
  result.done = true;
  if (!s.flow) return;
  ndpi_protocol proto;
  proto.master_protocol = s.last_master;
  proto.app_protocol = s.last_app;
  proto.category = static_cast<ndpi_protocol_category_t>(s.last_category);
  uint8_t guessed = 0;
  if (proto.app_protocol == NDPI_PROTOCOL_UNKNOWN) proto = ndpi_detection_giveup(m_->ndpi, s.flow, 1, &guessed);
  // nDPI 4.2 stores a single-level result as app with master Unknown, and
  // may repeat the app as master: normalise to (master, app) with no repeats.
  if (proto.master_protocol == proto.app_protocol) proto.master_protocol = NDPI_PROTOCOL_UNKNOWN;
  result.master = proto.master_protocol;
  result.app = proto.app_protocol;
  result.category = static_cast<uint16_t>(proto.category);
  result.confidence = static_cast<Confidence>(s.flow->confidence < NDPI_CONFIDENCE_MAX ? s.flow->confidence : 0);
  result.guessed = guessed || result.confidence == Confidence::kMatchByPort ||
                   result.confidence == Confidence::kMatchByIp;
  result.ip_match = s.flow->guessed_host_protocol_id;
  result.risk = s.flow->risk;
  // nDPI 4.2 checks URLs (XSS, SQL and code injection) only when asked, as
  // its own reader does.
  if (s.flow->http.url) {
    ndpi_risk_enum r = ndpi_validate_url(s.flow->http.url);
    if (r != NDPI_NO_RISK) result.risk |= uint64_t{1} << r;
  }

  FlowMetadata found;
  copy_ndpi_metadata(m_->ndpi, s.flow, proto, found);
  found.set(Meta::kJa4c, s.ja4);
  if (found.empty()) return;
  if (!meta) meta = std::make_unique<FlowMetadata>();
  fill_missing(*meta, found);  // what our own parsers read first (DNS answers, DHCP) stays
  if (found.text.has(Meta::kDnsQuery)) {  // ...but the query is nDPI's (for mDNS: the one it classified on)
    meta->set(Meta::kDnsQuery, found.get(Meta::kDnsQuery));
    meta->dns_query_type = found.dns_query_type;
  }
}

std::string Detector::protocol_name(const DpiResult& r) const {
  if (r.master && r.app) return std::string(name_of(r.master)) + "." + name_of(r.app);
  if (r.app) return name_of(r.app);
  if (r.master) return name_of(r.master);
  return "Unknown";
}

std::string Detector::protocol_id_string(const DpiResult& r) {
  return std::to_string(r.master) + "." + std::to_string(r.app);
}

const char* Detector::name_of(uint16_t id) const {
  const char* n = ndpi_get_proto_name(m_->ndpi, id);
  return n ? n : "Unknown";
}

const char* Detector::category_name(uint16_t category) const {
  const char* n = ndpi_category_get_name(m_->ndpi, static_cast<ndpi_protocol_category_t>(category));
  return n ? n : "Unspecified";
}

uint16_t Detector::protocol_count() const {
  return static_cast<uint16_t>(ndpi_get_num_supported_protocols(m_->ndpi));
}

uint16_t Detector::category_count() const { return NDPI_PROTOCOL_NUM_CATEGORIES; }

uint16_t Detector::default_category(uint16_t proto_id) const {
  ndpi_protocol p{};
  p.app_protocol = proto_id;
  p.category = NDPI_PROTOCOL_CATEGORY_UNSPECIFIED;
  return static_cast<uint16_t>(ndpi_get_proto_category(m_->ndpi, p));
}

const char* Detector::breed_name(uint16_t proto_id) const {
  const char* n = ndpi_get_proto_breed_name(m_->ndpi, ndpi_get_proto_breed(m_->ndpi, proto_id));
  return n ? n : "Unrated";
}

const char* confidence_name(Confidence c) {
  switch (c) {
    case Confidence::kUnknown: return "Unknown";
    case Confidence::kMatchByPort: return "Match by port";
    case Confidence::kMatchByIp: return "Match by IP";
    case Confidence::kDpiCache: return "DPI (cache)";
    case Confidence::kDpi: return "DPI";
  }
  return "Unknown";
}

}  // namespace wl
