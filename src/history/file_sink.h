#pragma once
// -F "file;PATH": flow records appended to a file, one JSON object per line.
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "history/flow_sink.h"

namespace wl {

class FileSink : public FlowSink {
 public:
  // Opens (truncates) the file; returns nullptr and sets error on failure.
  static std::unique_ptr<FileSink> open(const std::string& path, std::string& error);
  ~FileSink() override;

  void write(std::string_view chunk) override;
  void flush() override;

 private:
  explicit FileSink(FILE* f) : file_(f) {}
  std::mutex mu_;
  FILE* file_;
};

// Parses a -F value. Only "file;PATH" exists so far; returns an error message
// for anything else.
std::string parse_dump_spec(const std::string& spec, std::string& path);

}  // namespace wl
