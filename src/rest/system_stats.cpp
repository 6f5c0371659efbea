#include "rest/system_stats.h"

#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>

namespace wl {

namespace {
std::map<std::string, uint64_t> read_kib(const char* path) {
  std::map<std::string, uint64_t> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    out[line.substr(0, colon)] = std::strtoull(line.c_str() + colon + 1, nullptr, 10);
  }
  return out;
}
}  // namespace

void write_system_host_stats(Json& w) {
  w.StartObject();
  double load = 0;
  if (FILE* f = std::fopen("/proc/loadavg", "r")) {
    if (std::fscanf(f, "%lf", &load) != 1) load = 0;
    std::fclose(f);
  }
  kv(w, "cpu_load", load);
  auto mem = read_kib("/proc/meminfo");
  kv(w, "mem_total", mem["MemTotal"]);
  kv(w, "mem_free", mem["MemFree"]);
  kv(w, "mem_buffers", mem["Buffers"]);
  kv(w, "mem_cached", mem["Cached"]);
  kv(w, "mem_sreclaimable", mem["SReclaimable"]);
  kv(w, "mem_shmem", mem["Shmem"]);
  uint64_t used = mem["MemTotal"] - mem["MemFree"] - mem["Buffers"] - mem["Cached"] - mem["SReclaimable"] + mem["Shmem"];
  kv(w, "mem_used", used);
  auto self = read_kib("/proc/self/status");
  kv(w, "mem_ntopng_resident", self["VmRSS"]);
  kv(w, "mem_ntopng_virtual", self["VmSize"]);
  kv(w, "dropped_alerts", 0);
  kv(w, "written_alerts", 0);
  kv(w, "alerts_queries", 0);
  // Shares of CPU time since boot (ntopng samples; a single read gives these).
  std::ifstream stat("/proc/stat");
  std::string cpu;
  uint64_t v[10] = {};
  stat >> cpu;
  for (auto& x : v) stat >> x;
  double total = 0;
  for (auto x : v) total += static_cast<double>(x);
  const char* names[10] = {"user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal", "guest", "guest_nice"};
  jkey(w, "cpu_states");
  w.StartObject();
  for (int i = 0; i < 10; ++i) kv(w, names[i], total > 0 ? 100.0 * static_cast<double>(v[i]) / total : 0.0);
  w.EndObject();
  w.EndObject();
}

std::string uptime_text(int64_t s) {
  if (s < 0) s = 0;
  int64_t days = s / 86400, h = (s / 3600) % 24, m = (s / 60) % 60, sec = s % 60;
  char buf[64];
  if (s < 60) {
    std::snprintf(buf, sizeof buf, "00:%02lld sec", static_cast<long long>(sec));
  } else if (days > 0) {
    std::snprintf(buf, sizeof buf, "%lld day%s, %02lld:%02lld:%02lld", static_cast<long long>(days),
                  days > 1 ? "s" : "", static_cast<long long>(h), static_cast<long long>(m), static_cast<long long>(sec));
  } else if (h > 0) {
    std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(h), static_cast<long long>(m),
                  static_cast<long long>(sec));
  } else {
    std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(m), static_cast<long long>(sec));
  }
  return buf;
}

std::string local_time_text(int64_t epoch) {
  time_t t = static_cast<time_t>(epoch);
  struct tm tmv;
  localtime_r(&t, &tmv);
  char buf[32];
  std::strftime(buf, sizeof buf, "%H:%M:%S %z", &tmv);
  return buf;
}

}  // namespace wl
