#include "capture/pcap_source.h"

#include <poll.h>
#include <sys/stat.h>

#include <cstdio>

namespace wl {

PcapSource::~PcapSource() {
  if (handle_) pcap_close(handle_);
}

bool PcapSource::open_file(const std::string& path, std::string& error) {
  char errbuf[PCAP_ERRBUF_SIZE] = {};
  handle_ = pcap_open_offline_with_tstamp_precision(path.c_str(), PCAP_TSTAMP_PRECISION_MICRO, errbuf);
  if (!handle_) {
    error = "cannot read capture file '" + path + "': " + errbuf;
    return false;
  }
  is_file_ = true;
  struct stat st{};
  if (stat(path.c_str(), &st) == 0) file_size_ = static_cast<uint64_t>(st.st_size);
  return true;
}

bool PcapSource::open_live(const std::string& device, const LiveOptions& opt, std::string& error) {
  char errbuf[PCAP_ERRBUF_SIZE] = {};
  handle_ = pcap_create(device.c_str(), errbuf);
  if (!handle_) {
    error = "cannot capture on interface '" + device + "': " + errbuf;
    return false;
  }
  pcap_set_snaplen(handle_, opt.snaplen);
  pcap_set_promisc(handle_, opt.promiscuous ? 1 : 0);
  pcap_set_timeout(handle_, opt.timeout_ms);
  pcap_set_buffer_size(handle_, opt.buffer_mb * 1024 * 1024);
  pcap_set_tstamp_precision(handle_, PCAP_TSTAMP_PRECISION_MICRO);
  int rc = pcap_activate(handle_);
  if (rc < 0) {
    error = "cannot capture on interface '" + device + "': " + pcap_geterr(handle_);
    if (rc == PCAP_ERROR_NO_SUCH_DEVICE) error = "unknown interface '" + device + "' (see --list-interfaces)";
    if (rc == PCAP_ERROR_PERM_DENIED) error += " (capturing needs root or CAP_NET_RAW)";
    pcap_close(handle_);
    handle_ = nullptr;
    return false;
  }
  // Non-blocking reads plus our own poll: with TPACKET_V3 a blocking read can
  // wait forever on a silent link, and the capture thread must still tick the
  // clock and notice a stop request.
  if (pcap_setnonblock(handle_, 1, errbuf) != 0 || (fd_ = pcap_get_selectable_fd(handle_)) < 0) {
    error = "cannot capture on interface '" + device + "': no pollable descriptor";
    pcap_close(handle_);
    handle_ = nullptr;
    return false;
  }
  poll_ms_ = opt.timeout_ms;
  return true;
}

bool PcapSource::set_filter(const std::string& bpf, std::string& error) {
  if (bpf.empty()) return true;
  bpf_program prog{};
  if (pcap_compile(handle_, &prog, bpf.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0) {
    error = "bad packet filter (-B) '" + bpf + "': " + pcap_geterr(handle_);
    return false;
  }
  int rc = pcap_setfilter(handle_, &prog);
  pcap_freecode(&prog);
  if (rc != 0) {
    error = "cannot apply packet filter (-B) '" + bpf + "': " + pcap_geterr(handle_);
    return false;
  }
  return true;
}

ReadStatus PcapSource::next(const pcap_pkthdr*& hdr, const uint8_t*& data) {
  pcap_pkthdr* h = nullptr;
  const u_char* d = nullptr;
  int rc = pcap_next_ex(handle_, &h, &d);
  switch (rc) {
    case 1:
      hdr = h;
      data = d;
      return ReadStatus::kPacket;
    case 0:
      if (fd_ >= 0) {
        pollfd pfd{fd_, POLLIN, 0};
        ::poll(&pfd, 1, poll_ms_);
      }
      return ReadStatus::kTimeout;
    case PCAP_ERROR_BREAK: return ReadStatus::kEnd;
    default: return ReadStatus::kError;
  }
}

int PcapSource::linktype() const { return pcap_datalink(handle_); }

const char* PcapSource::linktype_name() const {
  const char* n = pcap_datalink_val_to_name(linktype());
  return n ? n : "unknown";
}

std::string PcapSource::error_text() const { return handle_ ? pcap_geterr(handle_) : ""; }

uint64_t PcapSource::file_position() const {
  if (!is_file_) return 0;
  FILE* f = pcap_file(handle_);
  long pos = f ? std::ftell(f) : -1;
  return pos > 0 ? static_cast<uint64_t>(pos) : 0;
}

uint64_t PcapSource::drops() const {
  if (is_file_ || !handle_) return 0;
  pcap_stat st{};
  if (pcap_stats(handle_, &st) != 0) return 0;
  return uint64_t{st.ps_drop} + st.ps_ifdrop;
}

}  // namespace wl
