#include "capture/devices.h"

#include <netinet/in.h>
#include <pcap/pcap.h>

#include <bit>
#include <cstring>

namespace wl {

namespace {
unsigned mask_len(const sockaddr* mask) {
  if (!mask) return 0;
  unsigned n = 0;
  if (mask->sa_family == AF_INET) {
    n = std::popcount(reinterpret_cast<const sockaddr_in*>(mask)->sin_addr.s_addr);
  } else if (mask->sa_family == AF_INET6) {
    const auto* a = reinterpret_cast<const sockaddr_in6*>(mask)->sin6_addr.s6_addr;
    for (int i = 0; i < 16; ++i) n += std::popcount(static_cast<unsigned>(a[i]));
  }
  return n;
}
}  // namespace

bool is_pseudo_device(const std::string& n) {
  auto starts = [&](const char* p) { return n.rfind(p, 0) == 0; };
  return n == "any" || n == "nflog" || n == "nfqueue" || starts("usbmon") || starts("dbus-") ||
         starts("bluetooth");
}

std::vector<Device> list_devices(std::string& error) {
  std::vector<Device> out;
  char errbuf[PCAP_ERRBUF_SIZE] = {};
  pcap_if_t* all = nullptr;
  if (pcap_findalldevs(&all, errbuf) != 0) {
    error = errbuf;
    return out;
  }
  for (pcap_if_t* d = all; d; d = d->next) {
    Device dev;
    dev.name = d->name;
    if (d->description) dev.description = d->description;
    dev.up = d->flags & PCAP_IF_UP;
    dev.running = d->flags & PCAP_IF_RUNNING;
    dev.loopback = d->flags & PCAP_IF_LOOPBACK;
    for (pcap_addr_t* a = d->addresses; a; a = a->next) {
      if (!a->addr) continue;
      DeviceAddress da;
      if (a->addr->sa_family == AF_INET) {
        da.address = IpAddress::v4(reinterpret_cast<const uint8_t*>(
            &reinterpret_cast<const sockaddr_in*>(a->addr)->sin_addr));
      } else if (a->addr->sa_family == AF_INET6) {
        da.address = IpAddress::v6(reinterpret_cast<const sockaddr_in6*>(a->addr)->sin6_addr.s6_addr);
      } else {
        continue;
      }
      da.prefix_len = mask_len(a->netmask);
      dev.addresses.push_back(da);
    }
    out.push_back(std::move(dev));
  }
  pcap_freealldevs(all);
  return out;
}

std::string default_device(const std::vector<Device>& devices) {
  for (const auto& d : devices)
    if (d.up && !d.loopback && !is_pseudo_device(d.name)) return d.name;
  return {};
}

}  // namespace wl
