// wirelens: capture or read packets, build flows and hosts, export records.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <memory>
#include <thread>

#include "app/options.h"
#include "app/summary.h"
#include "capture/devices.h"
#include "common/files.h"
#include "engine/interface.h"
#include "engine/limits.h"
#include "history/file_sink.h"
#include "history/host_record.h"
#include "hosts/host_merge.h"
#ifdef WIRELENS_WITH_WEB
#include "app/web_app.h"
#endif

using namespace wl;

namespace {
std::atomic<bool> g_stop{false};
void on_signal(int) { g_stop.store(true); }

int fail(const std::string& msg, int code = 1) {
  std::fprintf(stderr, "wirelens: %s\n", msg.c_str());
  return code;
}


// A missing path should read as a missing file, not as an unknown interface.
bool looks_like_path(const std::string& s) {
  auto ends = [&](const char* suffix) {
    std::string x(suffix);
    return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
  };
  return s.find('/') != std::string::npos || ends(".pcap") || ends(".pcapng") || ends(".cap");
}

int list_interfaces() {
  std::string err;
  auto devs = list_devices(err);
  if (!err.empty()) return fail("cannot list interfaces: " + err);
  int n = 0;
  for (const auto& d : devs) {
    std::printf("%2d. %-16s %s%s%s", ++n, d.name.c_str(), d.up ? "up" : "down",
                d.loopback ? ", loopback" : "", d.running ? ", running" : "");
    for (const auto& a : d.addresses) std::printf("  %s/%u", a.address.to_string().c_str(), a.prefix_len);
    if (!d.description.empty()) std::printf("  (%s)", d.description.c_str());
    std::printf("\n");
  }
  return 0;
}

bool write_hosts(const std::string& path, std::vector<std::unique_ptr<Interface>>& ifaces, std::string& err) {
  std::ofstream out(path);
  if (!out) {
    err = "cannot write host dump '" + path + "'";
    return false;
  }
  for (auto& iface : ifaces) {
    HostMerger merger;
    L7Names names;
    iface->for_each_shard([&](const Shard& s) {
      s.hosts().for_each([&](const Host& h) {
        merger.add(h);
        for (const L7Usage& u : h.apps.items()) names.note_app(s.detector(), u.id);
        for (const L7Usage& u : h.categories.items()) names.note_category(s.detector(), u.id);
      });
    });
    std::string buf;
    for (const Host& h : merger.take())
      append_host_record(buf, h, iface->config().id, names, iface->host_names().names_of(h.key.ip));
    out << buf;
  }
  return true;
}
}  // namespace

int main(int argc, char** argv) {
  ParseResult parsed = parse_options(argc, argv);
  if (!parsed.error.empty()) {
    std::fprintf(stderr, "wirelens: %s\nTry 'wirelens --help'.\n", parsed.error.c_str());
    return 2;
  }
  if (parsed.exit_now) return 0;
  Options& opt = parsed.options;
  if (opt.list_interfaces) return list_interfaces();

  std::string err;
  std::vector<Device> devices;
  if (opt.interfaces.empty()) {
    devices = list_devices(err);
    std::string dev = default_device(devices);
    if (dev.empty()) return fail("no interface to monitor: none is up (use -i IF or -i FILE; see --list-interfaces)");
    std::fprintf(stderr, "wirelens: no -i given: monitoring %s, the first interface that is up\n", dev.c_str());
    opt.interfaces.push_back(dev);
  }

  TableLimits limits = default_table_limits(physical_memory_bytes());
  if (opt.max_flows) limits.flows = opt.max_flows;
  if (opt.max_hosts) limits.hosts = opt.max_hosts;

  LocalNetworks base_local;
  if (opt.local_networks.empty()) opt.local_networks.emplace_back(LocalNetworks::kDefault);
  for (const auto& spec : opt.local_networks)
    if (auto e = base_local.add_spec(spec); !e.empty()) return fail("invalid -m/--local-networks: " + e, 2);

  std::unique_ptr<FileSink> sink;
  if (!opt.dump_flows_path.empty()) {
    sink = FileSink::open(opt.dump_flows_path, err);
    if (!sink) return fail(err);
  }

#ifdef WIRELENS_WITH_WEB
  std::unique_ptr<WebApp> web;
  const bool serving = opt.http_listen != "0" || opt.https_listen != "0";
  if (serving) {
    web = WebApp::open(opt, err);
    if (!web) return fail(err);
  }
#else
  const bool serving = false;
#endif

  std::vector<std::unique_ptr<Interface>> ifaces;
  int id = 0;
  for (const auto& src : opt.interfaces) {
    InterfaceConfig cfg;
    cfg.id = id++;
#ifdef WIRELENS_WITH_WEB
    if (web) cfg.id = web->interface_id(src);  // ntopng's ids: stable across restarts
#endif
    cfg.keep_flows_at_end = serving && !opt.shutdown_when_done;
    cfg.source = src;
    cfg.is_file = is_regular_file(src);
    if (!cfg.is_file && looks_like_path(src)) return fail("cannot read capture file '" + src + "': no such file");
    cfg.workers = opt.num_workers;
    auto per_shard = [&](uint64_t total) {
      return static_cast<uint32_t>((total + static_cast<uint64_t>(cfg.workers) - 1) / static_cast<uint64_t>(cfg.workers));
    };
    cfg.shard.max_flows = per_shard(limits.flows);
    cfg.shard.max_hosts = per_shard(limits.hosts);
    cfg.shard.flow_idle = seconds(opt.flow_idle_s);
    cfg.shard.active_timeout = seconds(opt.flow_active_s);
    cfg.shard.tcp_close_grace = seconds(opt.tcp_close_s);
    cfg.shard.purge_idle = !cfg.is_file || opt.pcap_file_purge_flows;
    cfg.shard.hosts = {seconds(opt.local_host_idle_s), seconds(opt.remote_host_idle_s), cfg.shard.purge_idle};
    cfg.shard.dpi = opt.dpi;
    cfg.shard.interface_id = cfg.id;
    cfg.shard.interface_name = src;
    cfg.original_speed = opt.original_speed;
    cfg.progress = cfg.is_file && isatty(fileno(stderr));
    cfg.bpf = opt.bpf;
    cfg.live.promiscuous = opt.promiscuous;

    LocalNetworks local = base_local;
    if (!cfg.is_file) {  // live: the interface's own subnets are local too
      if (devices.empty()) devices = list_devices(err);
      for (const auto& d : devices)
        if (d.name == src)
          for (const auto& a : d.addresses) local.add(a.address, static_cast<uint8_t>(a.prefix_len));
    }
    auto iface = std::make_unique<Interface>(cfg, std::move(local), sink.get());
    if (!iface->open(err)) return fail(err);
    ifaces.push_back(std::move(iface));
  }

  if (opt.verbose >= 2)
    std::fprintf(stderr, "wirelens: tables per interface: %llu flows, %llu hosts%s\n",
                 static_cast<unsigned long long>(limits.flows), static_cast<unsigned long long>(limits.hosts),
                 limits.lowered ? " (lowered to fit a quarter of memory)" : "");

#ifdef WIRELENS_WITH_WEB
  if (web) {
    std::vector<Interface*> raw;
    for (auto& i : ifaces) raw.push_back(i.get());
    if (!web->start(raw, err)) return fail(err);
  }
#endif
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  for (auto& i : ifaces) i->start();

  bool announced = false;
  for (;;) {
    bool all_done = true;
    for (auto& i : ifaces) all_done = all_done && i->finished();
    if (g_stop.load()) {
      for (auto& i : ifaces) i->request_stop();
      break;
    }
    if (all_done) {
      if (opt.shutdown_when_done) break;
      if (!announced && opt.verbose >= 2) {
        std::fprintf(stderr, "wirelens: all input read and every flow flushed; running until interrupted "
                             "(Ctrl-C), or use --shutdown-when-done\n");
        announced = true;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  for (auto& i : ifaces) i->join();
#ifdef WIRELENS_WITH_WEB
  if (web) web->stop();
#endif
  for (auto& i : ifaces) i->end_kept_flows();

  std::vector<InterfaceSummary> summaries;
  for (auto& i : ifaces) summaries.push_back(collect_summary(*i));
  int rc = 0;
  if (!opt.dump_hosts_path.empty() && !write_hosts(opt.dump_hosts_path, ifaces, err)) rc = fail(err);
  for (auto& i : ifaces) i->stop_workers();
  if (sink) sink->flush();

  std::fputs(summary_text(summaries).c_str(), stderr);
  if (!opt.summary_json_path.empty()) {
    std::ofstream js(opt.summary_json_path);
    if (!js) rc = fail("cannot write summary '" + opt.summary_json_path + "'");
    js << summary_json(summaries);
  }
  return rc;
}
