#include "history/file_sink.h"

#include <cerrno>
#include <cstring>

namespace wl {

std::unique_ptr<FileSink> FileSink::open(const std::string& path, std::string& error) {
  FILE* f = std::fopen(path.c_str(), "w");
  if (!f) {
    error = "cannot write flow file '" + path + "': " + std::strerror(errno);
    return nullptr;
  }
  return std::unique_ptr<FileSink>(new FileSink(f));
}

FileSink::~FileSink() {
  if (file_) std::fclose(file_);
}

void FileSink::write(std::string_view chunk) {
  std::lock_guard lock(mu_);
  std::fwrite(chunk.data(), 1, chunk.size(), file_);
}

void FileSink::flush() {
  std::lock_guard lock(mu_);
  std::fflush(file_);
}

std::string parse_dump_spec(const std::string& spec, std::string& path) {
  auto semi = spec.find(';');
  std::string kind = spec.substr(0, semi);
  if (kind == "file") {
    if (semi == std::string::npos || semi + 1 >= spec.size())
      return "-F file needs a path: -F \"file;/path/to/flows.ndjson\"";
    path = spec.substr(semi + 1);
    return {};
  }
  return "unsupported -F target '" + kind + "' (supported: file;PATH)";
}

}  // namespace wl
