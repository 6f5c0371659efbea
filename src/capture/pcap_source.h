#pragma once
// Packets from libpcap: a pcap/pcapng file (any link type libpcap reads) or a
// live interface.
#include <pcap/pcap.h>

#include <cstdint>
#include <string>

namespace wl {

struct LiveOptions {
  bool promiscuous = true;
  int buffer_mb = 128;  // kernel ring: ~1 s of a saturated 1 Gbit/s link
  int snaplen = 65535;
  int timeout_ms = 100;
};

enum class ReadStatus { kPacket, kTimeout, kEnd, kError };

class PcapSource {
 public:
  PcapSource() = default;
  ~PcapSource();
  PcapSource(const PcapSource&) = delete;
  PcapSource& operator=(const PcapSource&) = delete;

  bool open_file(const std::string& path, std::string& error);
  bool open_live(const std::string& device, const LiveOptions& opt, std::string& error);
  bool set_filter(const std::string& bpf, std::string& error);

  ReadStatus next(const pcap_pkthdr*& hdr, const uint8_t*& data);
  int linktype() const;
  const char* linktype_name() const;
  bool is_file() const { return is_file_; }
  std::string error_text() const;

  // File reading progress: bytes consumed and total (0 when unknown).
  uint64_t file_position() const;
  uint64_t file_size() const { return file_size_; }
  // Packets dropped by the kernel or the NIC (live only).
  uint64_t drops() const;

 private:
  pcap_t* handle_ = nullptr;
  bool is_file_ = false;
  int fd_ = -1;       // live: descriptor to wait on between non-blocking reads
  int poll_ms_ = 100;
  uint64_t file_size_ = 0;
};

}  // namespace wl
