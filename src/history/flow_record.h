#pragma once
// The flow record: one JSON object per ended (or partial) flow, with the
// IPFIX/nProbe-style names documented in docs/flow-record.md. Every exporter
// uses this one definition.
#include <string>

#include "flows/flow.h"

namespace wl {

class Detector;

struct FlowRecordContext {
  int interface_id = 0;
  const Detector* dpi = nullptr;  // names of protocols and categories; null: no DPI fields
  bool client_local = false, server_local = false;
};

// Appends one record (and a newline) covering the flow's counters since its
// last partial record. `final` is false for an active-timeout partial record.
void append_flow_record(std::string& out, const Flow& f, FlowEndReason reason, bool final,
                        const FlowRecordContext& ctx);

}  // namespace wl
