#pragma once
// The machine's capturable interfaces (libpcap's view).
#include <string>
#include <vector>

#include "common/ip_address.h"

namespace wl {

struct DeviceAddress {
  IpAddress address;
  unsigned prefix_len = 0;
};

struct Device {
  std::string name, description;
  bool up = false, running = false, loopback = false;
  std::vector<DeviceAddress> addresses;
};

std::vector<Device> list_devices(std::string& error);

// Pseudo-devices that are never a sensible default capture.
bool is_pseudo_device(const std::string& name);

// The first up, non-loopback, non-pseudo interface; empty when none.
std::string default_device(const std::vector<Device>& devices);

}  // namespace wl
