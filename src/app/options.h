#pragma once
// Command line and configuration file (ntopng's flags where they mean the
// same thing; see docs/cli.md).
#include <cstdint>
#include <string>
#include <vector>

namespace wl {

struct Options {
  std::vector<std::string> interfaces;   // -i, repeatable
  std::string bpf;                       // -B
  bool promiscuous = true;               // -u clears it
  std::vector<std::string> local_networks;  // -m, repeatable
  std::string dump_flows_path;           // -F "file;PATH"
  uint64_t max_hosts = 0, max_flows = 0; // -x / -X, 0 = sized from memory
  int num_workers = 0;                   // 0 = cores - 1, at least 1
  bool original_speed = false;
  bool shutdown_when_done = false;
  bool pcap_file_purge_flows = false;
  bool list_interfaces = false;
  bool dpi = true;                       // --no-dpi clears it
  int flow_idle_s = 60;
  int flow_active_s = 300;
  int tcp_close_s = 10;
  int local_host_idle_s = 300;
  int remote_host_idle_s = 60;
  std::string dump_hosts_path;           // NDJSON of every host at shutdown
  std::string summary_json_path;         // machine-readable summary at shutdown
  int verbose = 2;
  // Web server, users and REST API
  std::string http_listen;               // -w [ADDR:]PORT, "0" disables HTTP; empty: 3000, or
                                         // none with --shutdown-when-done (a batch run)
  std::string https_listen = "0";        // -W [ADDR:]PORT, "0" = no HTTPS
  std::string http_prefix;               // -Z /prefix (behind a reverse proxy)
  std::string data_dir;                  // -d, empty = the default for this user
  std::string admin_password;            // --admin-password (unattended installs)
  bool admin_password_set = false;
  int disable_login = -1;                // -l: -1 login required, 0 not from localhost, 1 never
};

struct ParseResult {
  Options options;
  std::string error;  // names the offending flag; empty when parsing succeeded
  bool exit_now = false;  // --help / --version printed
};

ParseResult parse_options(int argc, char** argv);
std::string usage_text();

}  // namespace wl
