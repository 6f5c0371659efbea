#pragma once
// A host that talks in flows of several shards has a partial record in each;
// readers merge them by key.
#include <unordered_map>
#include <vector>

#include "hosts/host.h"

namespace wl {

void merge_host(Host& into, const Host& from);

class HostMerger {
 public:
  void add(const Host& h);
  std::vector<Host> take();  // ordered by bytes (sent + received), largest first

 private:
  std::unordered_map<HostKey, Host, HostKeyHash> hosts_;
};

}  // namespace wl
