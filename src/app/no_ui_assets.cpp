// Built with -DWIRELENS_UI=OFF: no web UI files, the REST API only.
#include "web/static_assets.h"

namespace wl {

const std::vector<StaticAsset>& static_assets() {
  static const std::vector<StaticAsset> kNone;
  return kNone;
}

}  // namespace wl
