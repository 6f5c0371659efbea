#pragma once
// The web side of wirelens: configuration database, users and sessions, the
// REST API and the HTTP(S) server, wired to the running interfaces.
#include <memory>
#include <string>
#include <vector>

#include "app/options.h"
#include "engine/interface.h"

namespace wl {

class WebApp {
 public:
  // Opens (creates) the configuration database; the persisted interface ids
  // are then available before the interfaces are built.
  static std::unique_ptr<WebApp> open(const Options& opt, std::string& error);
  ~WebApp();

  int interface_id(const std::string& name);
  // Starts serving these interfaces; false with `error` naming the listener.
  bool start(const std::vector<Interface*>& ifaces, std::string& error);
  void stop();
  // Where the data directory is (after defaults).
  static std::string default_data_dir();

 private:
  WebApp() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wl
