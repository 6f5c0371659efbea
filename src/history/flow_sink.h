#pragma once
// Where finished flow records go. Shards hand over whole chunks of
// newline-delimited JSON, so a sink takes its lock once per chunk.
#include <string_view>

namespace wl {

class FlowSink {
 public:
  virtual ~FlowSink() = default;
  virtual void write(std::string_view ndjson_chunk) = 0;
  virtual void flush() {}
};

}  // namespace wl
