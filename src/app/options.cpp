#include "app/options.h"

#include <getopt.h>

#include <charconv>
#include <cstdio>
#include <fstream>
#include <thread>

#include "history/file_sink.h"
#include "version.h"

namespace wl {

namespace {
enum LongOnly {
  kNumWorkers = 1000, kOriginalSpeed, kShutdownWhenDone, kPurgeFlows, kListInterfaces,
  kNoDpi, kFlowIdle, kFlowActive, kTcpClose, kLocalHostIdle, kRemoteHostIdle, kDumpHosts, kSummaryJson,
  kAdminPassword,
};

const option kLongOptions[] = {
    {"interface", required_argument, nullptr, 'i'},
    {"packet-filter", required_argument, nullptr, 'B'},
    {"no-promisc", no_argument, nullptr, 'u'},
    {"local-networks", required_argument, nullptr, 'm'},
    {"dump-flows", required_argument, nullptr, 'F'},
    {"max-num-hosts", required_argument, nullptr, 'x'},
    {"max-num-flows", required_argument, nullptr, 'X'},
    {"num-workers", required_argument, nullptr, kNumWorkers},
    {"original-speed", no_argument, nullptr, kOriginalSpeed},
    {"shutdown-when-done", no_argument, nullptr, kShutdownWhenDone},
    {"pcap-file-purge-flows", no_argument, nullptr, kPurgeFlows},
    {"list-interfaces", no_argument, nullptr, kListInterfaces},
    {"no-dpi", no_argument, nullptr, kNoDpi},
    {"flow-idle-timeout", required_argument, nullptr, kFlowIdle},
    {"flow-active-timeout", required_argument, nullptr, kFlowActive},
    {"tcp-close-timeout", required_argument, nullptr, kTcpClose},
    {"local-host-idle-timeout", required_argument, nullptr, kLocalHostIdle},
    {"remote-host-idle-timeout", required_argument, nullptr, kRemoteHostIdle},
    {"dump-hosts", required_argument, nullptr, kDumpHosts},
    {"summary-json", required_argument, nullptr, kSummaryJson},
    {"http-port", required_argument, nullptr, 'w'},
    {"https-port", required_argument, nullptr, 'W'},
    {"http-prefix", required_argument, nullptr, 'Z'},
    {"data-dir", required_argument, nullptr, 'd'},
    {"admin-password", required_argument, nullptr, kAdminPassword},
    {"disable-login", required_argument, nullptr, 'l'},
    {"verbose", required_argument, nullptr, 'v'},
    {"version", no_argument, nullptr, 'V'},
    {"help", no_argument, nullptr, 'h'},
    {nullptr, 0, nullptr, 0},
};

bool parse_u64(const char* s, uint64_t& v) {
  const char* end = s + std::char_traits<char>::length(s);
  auto r = std::from_chars(s, end, v);
  return r.ec == std::errc() && r.ptr == end && s != end;
}

// Reads "--name=value", "--name value", "-x value" lines; '#' starts a comment.
bool read_config_file(const std::string& path, std::vector<std::string>& args, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = "cannot read configuration file '" + path + "'";
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    size_t b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos || line[b] == '#') continue;
    line = line.substr(b);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.pop_back();
    size_t sep = line.find_first_of("= \t");
    if (sep == std::string::npos) {
      args.push_back(line);
      continue;
    }
    args.push_back(line.substr(0, sep));
    std::string value = line.substr(sep + 1);
    size_t vb = value.find_first_not_of(" \t");
    value = vb == std::string::npos ? "" : value.substr(vb);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    args.push_back(value);
  }
  return true;
}
}  // namespace

std::string usage_text() {
  return std::string("wirelens ") + WIRELENS_VERSION + R"( - real-time network traffic monitor

Usage: wirelens [CONFIG_FILE] [OPTIONS]

Inputs
  -i, --interface IF|FILE      capture on IF, or read a pcap/pcapng FILE; repeat
                               to monitor several (default: first interface up)
  -B, --packet-filter "BPF"    capture filter (tcpdump syntax)
  -u, --no-promisc             do not put the interface in promiscuous mode
      --list-interfaces        print the interfaces that can be captured
      --original-speed         replay a file at its capture pace
      --shutdown-when-done     exit once every file is read, all flows flushed
      --pcap-file-purge-flows  purge idle flows and hosts while reading a file

Hosts and flows
  -m, --local-networks LIST    local networks: "192.168.1.0/24=LAN,fd00::/8", or
                               a file of them (default 192.168.1.0/24,127.0.0.0/8,
                               fe80::/10, plus the capture interface's subnets)
  -x, --max-num-hosts N        host table size per interface (min 1024)
  -X, --max-num-flows N        flow table size per interface (min 1024)
      --num-workers N          shards (worker threads) per interface
      --no-dpi                 no application detection (flows and counters only)
      --flow-idle-timeout S    end flows idle for S seconds (60)
      --flow-active-timeout S  partial record every S seconds of a flow (300)
      --tcp-close-timeout S    end closed TCP flows after S seconds (10)
      --local-host-idle-timeout S   (300)
      --remote-host-idle-timeout S  (60)

Outputs
  -F, --dump-flows "file;PATH" write every ended flow as a JSON line to PATH
      --dump-hosts PATH        write every host as a JSON line at shutdown
      --summary-json PATH      write the shutdown summary as JSON

Web server and users
  -w, --http-port [ADDR:]PORT  HTTP listener: PORT (all addresses), :PORT
                               (loopback), ADDR:PORT, [IPv6]:PORT; 0 = off (3000;
                               off with --shutdown-when-done unless given)
  -W, --https-port [ADDR:]PORT HTTPS listener, same syntax; certificate in
                               DATA_DIR/ssl (self-signed when absent) (off)
  -Z, --http-prefix /PREFIX    serve every URL under /PREFIX (reverse proxies)
  -d, --data-dir DIR           configuration database, certificates
                               (/var/lib/wirelens as root, else ~/.wirelens)
      --admin-password PW      set the admin password at start (no forced change)
  -l, --disable-login 0|1      0: no login from localhost; 1: no login at all
                               (labs only: everyone is an administrator)

  -v, --verbose N              log level 0-6 (2)
  -V, --version                print the version
  -h, --help                   this help
)";
}

ParseResult parse_options(int argc, char** argv) {
  ParseResult r;
  Options& o = r.options;
  std::vector<std::string> args{argc > 0 ? argv[0] : "wirelens"};
  int first = 1;
  if (argc > 1 && argv[1][0] != '-') {  // ntopng style: a configuration file first
    if (!read_config_file(argv[1], args, r.error)) return r;
    first = 2;
  }
  for (int i = first; i < argc; ++i) args.emplace_back(argv[i]);
  std::vector<char*> av;
  for (auto& a : args) av.push_back(a.data());
  av.push_back(nullptr);

  auto number = [&](const char* flag, const char* val, uint64_t lo, uint64_t hi, uint64_t& out) {
    if (!parse_u64(val, out) || out < lo || out > hi) {
      r.error = std::string("invalid value '") + val + "' for " + flag + " (expected " +
                std::to_string(lo) + ".." + std::to_string(hi) + ")";
      return false;
    }
    return true;
  };
  auto seconds_opt = [&](const char* flag, int& out) {
    uint64_t v;
    if (!number(flag, optarg, 1, 86400 * 365, v)) return false;
    out = static_cast<int>(v);
    return true;
  };

  optind = 1;
  opterr = 0;
  int c;
  int n = static_cast<int>(av.size()) - 1;
  while ((c = getopt_long(n, av.data(), ":i:B:um:F:x:X:v:Vhw:W:Z:d:l:", kLongOptions, nullptr)) != -1) {
    uint64_t v = 0;
    switch (c) {
      case 'i': o.interfaces.emplace_back(optarg); break;
      case 'B': {
        std::string f = optarg;
        if (f.size() >= 2 && f.front() == '"' && f.back() == '"') f = f.substr(1, f.size() - 2);
        o.bpf = f;
        break;
      }
      case 'u': o.promiscuous = false; break;
      case 'm': o.local_networks.emplace_back(optarg); break;
      case 'F':
        if (auto e = parse_dump_spec(optarg, o.dump_flows_path); !e.empty()) {
          r.error = "invalid -F/--dump-flows: " + e;
          return r;
        }
        break;
      case 'x':
        if (!number("-x/--max-num-hosts", optarg, 1024, 1u << 30, v)) return r;
        o.max_hosts = v;
        break;
      case 'X':
        if (!number("-X/--max-num-flows", optarg, 1024, 1u << 30, v)) return r;
        o.max_flows = v;
        break;
      case kNumWorkers:
        if (!number("--num-workers", optarg, 1, 64, v)) return r;
        o.num_workers = static_cast<int>(v);
        break;
      case kOriginalSpeed: o.original_speed = true; break;
      case kShutdownWhenDone: o.shutdown_when_done = true; break;
      case kPurgeFlows: o.pcap_file_purge_flows = true; break;
      case kListInterfaces: o.list_interfaces = true; break;
      case kNoDpi: o.dpi = false; break;
      case kFlowIdle: if (!seconds_opt("--flow-idle-timeout", o.flow_idle_s)) return r; break;
      case kFlowActive: if (!seconds_opt("--flow-active-timeout", o.flow_active_s)) return r; break;
      case kTcpClose: if (!seconds_opt("--tcp-close-timeout", o.tcp_close_s)) return r; break;
      case kLocalHostIdle: if (!seconds_opt("--local-host-idle-timeout", o.local_host_idle_s)) return r; break;
      case kRemoteHostIdle: if (!seconds_opt("--remote-host-idle-timeout", o.remote_host_idle_s)) return r; break;
      case kDumpHosts: o.dump_hosts_path = optarg; break;
      case kSummaryJson: o.summary_json_path = optarg; break;
      case 'w': o.http_listen = optarg; break;
      case 'W': o.https_listen = optarg; break;
      case 'Z': {
        std::string p = optarg;
        if (p.empty() || p.front() != '/' || p.back() == '/' || p.find("..") != std::string::npos) {
          r.error = "invalid value '" + p + "' for -Z/--http-prefix (expected /name, no trailing '/')";
          return r;
        }
        o.http_prefix = p;
        break;
      }
      case 'd':
        if (!*optarg) {
          r.error = "invalid value '' for -d/--data-dir (expected a directory)";
          return r;
        }
        o.data_dir = optarg;
        break;
      case kAdminPassword:
        o.admin_password = optarg;
        o.admin_password_set = true;
        if (o.admin_password.size() < 8) {
          r.error = "invalid value for --admin-password (expected at least 8 characters)";
          return r;
        }
        break;
      case 'l':
        if (!number("-l/--disable-login", optarg, 0, 1, v)) return r;
        o.disable_login = static_cast<int>(v);
        break;
      case 'v':
        if (!number("-v/--verbose", optarg, 0, 6, v)) return r;
        o.verbose = static_cast<int>(v);
        break;
      case 'V':
        std::printf("wirelens %s\n", WIRELENS_VERSION);
        r.exit_now = true;
        return r;
      case 'h':
        std::fputs(usage_text().c_str(), stdout);
        r.exit_now = true;
        return r;
      case ':':
        r.error = std::string("option '") + av[optind - 1] + "' needs a value";
        return r;
      default:
        r.error = optopt ? std::string("unknown option '-") + static_cast<char>(optopt) + "'"
                         : std::string("unknown option '") + av[optind - 1] + "'";
        return r;
    }
  }
  if (optind < n) {
    r.error = std::string("unexpected argument '") + av[optind] + "'";
    return r;
  }
  if (o.http_listen.empty()) o.http_listen = o.shutdown_when_done ? "0" : "3000";
  if (o.num_workers == 0) {
    unsigned cores = std::thread::hardware_concurrency();
    o.num_workers = cores > 1 ? static_cast<int>(cores) - 1 : 1;
  }
  return r;
}

}  // namespace wl
