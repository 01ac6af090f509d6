// Starts scripts/services/services.sh (nats-server with JetStream + a PostgreSQL cluster,
// 127.0.0.1, random ports, temp folder) for one test binary and stops it at the end.
// Tests call Skip() when the server programs are not installed.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

namespace marsad::scale_test {

class LocalServices {
 public:
  // nullptr when the programs are missing (*why says so) or the start failed.
  static std::unique_ptr<LocalServices> Start(std::string* why) {
    std::string script = std::string(MARSAD_SOURCE_DIR) + "/scripts/services/services.sh";
    int rc = std::system(("bash " + script + " check").c_str());
    if (rc != 0) {
      *why = "nats-server or PostgreSQL not installed (scripts/setup.sh installs them)";
      return nullptr;
    }
    char tmpl[] = "/tmp/marsad-scale.XXXXXX";
    if (!mkdtemp(tmpl)) {
      *why = "mkdtemp failed";
      return nullptr;
    }
    auto s = std::unique_ptr<LocalServices>(new LocalServices(script, tmpl));
    if (std::system(("bash " + script + " start " + s->dir_ + " --fast >/dev/null").c_str()) != 0) {
      *why = "services.sh start failed (see " + s->dir_ + ")";
      s->keep_ = true;
      return nullptr;
    }
    std::ifstream env(s->dir_ + "/env");
    for (std::string line; std::getline(env, line);) {
      if (line.rfind("MARSAD_NATS_URL=", 0) == 0) s->nats_url_ = line.substr(16);
      if (line.rfind("MARSAD_PG_URL=", 0) == 0) s->pg_url_ = line.substr(14);
    }
    return s;
  }
  ~LocalServices() {
    Run(keep_ ? "stop" : "purge");  // purge: also the cluster folder outside dir_
  }
  int Run(const std::string& what) { return std::system(("bash " + script_ + " " + what + " " + dir_ + " >/dev/null 2>&1").c_str()); }
  // A fresh database on the cluster (each test its own).
  std::string NewDatabase(const std::string& name) {
    std::string admin = pg_url_;
    std::string base = admin.substr(0, admin.rfind('/') + 1);
    std::string cmd = "psql -q '" + admin + "' -c 'DROP DATABASE IF EXISTS " + name + "' -c 'CREATE DATABASE " +
                      name + "' >/dev/null";
    if (std::system(cmd.c_str()) != 0) return "";
    return base + name;
  }
  const std::string& nats_url() const { return nats_url_; }
  const std::string& pg_url() const { return pg_url_; }
  const std::string& dir() const { return dir_; }

 private:
  LocalServices(std::string script, std::string dir) : script_(std::move(script)), dir_(std::move(dir)) {}
  std::string script_, dir_, nats_url_, pg_url_;
  bool keep_ = false;
};

}  // namespace marsad::scale_test
