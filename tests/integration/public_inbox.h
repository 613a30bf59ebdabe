// A real public-inbox (Debian's package) for tests: an inbox "test" made with
// public-inbox-init in a private HOME, messages imported with public-inbox's own importer,
// served by public-inbox-httpd on 127.0.0.1 with an access log of every request.
#pragma once

#include <chrono>
#include <csignal>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "mail_list.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace fora::test {

// What public-inbox's own importer does with an mbox (PublicInbox::InboxWritable::import_mbox,
// as `public-inbox-mda` per message but in one process): ARGV inbox name, mbox file.
constexpr const char* kPublicInboxImport = R"(use v5.12;
use PublicInbox::Config;
use PublicInbox::InboxWritable;
my ($name, $file) = @ARGV;
my $ibx = PublicInbox::Config->new->lookup_name($name) or die "no inbox $name\n";
open my $fh, '<', $file or die "$file: $!\n";
PublicInbox::InboxWritable->new($ibx)->import_mbox($fh, 'mboxrd');
)";

// public-inbox-httpd's own application (PublicInbox::HTTPD without a .psgi) with Plack's
// access log written to $FORA_ACCESS_LOG, one "METHOD PATH?QUERY STATUS" line per request.
constexpr const char* kPublicInboxLoggedApp = R"(use v5.12;
use Plack::Builder;
use PublicInbox::WWW;
my $www = PublicInbox::WWW->new;
$www->preload;
open my $log, '>>', $ENV{FORA_ACCESS_LOG} or die "access log: $!\n";
$log->autoflush(1);
builder {
	enable 'AccessLog', format => '%m %U%q %>s', logger => sub { print $log @_ };
	enable 'Head';
	sub { $www->call(@_) };
};
)";

class PublicInbox {
 public:
  static bool installed() { return run({"sh", "-c", "command -v public-inbox-httpd"}).exit_code == 0; }

  // The inbox, empty, at base() + "/test/"; not served until serve().
  PublicInbox() : port_(free_port()), base_("http://127.0.0.1:" + std::to_string(port_)) {
    env_ = {{"HOME", home_.path().string()}, {"PI_CONFIG", (home_.path() / "config").string()},
            {"FORA_ACCESS_LOG", (home_.path() / "access.log").string()}};
    auto init = run({{"public-inbox-init", "-V2", "test", (home_.path() / "inbox").string(), base_ + "/test", "list@example.org"}, env_, {}});
    if (init.exit_code != 0) throw std::runtime_error("public-inbox-init: " + init.err);
  }
  ~PublicInbox() { stop(); }
  PublicInbox(const PublicInbox&) = delete;
  PublicInbox& operator=(const PublicInbox&) = delete;

  // Imports `messages` (while served or not, as mail arrives); the importer's result.
  RunResult add(const std::vector<Message>& messages) {
    const auto box = home_.write("list.mbox", mbox(messages));
    const auto import = home_.write("import.pl", kPublicInboxImport);
    return run({{"perl", import.string(), "test", box.string()}, env_, {}});
  }

  // Starts public-inbox-httpd; whether it answers within 10 s.
  bool serve() {
    const auto app = home_.write("logged.psgi", kPublicInboxLoggedApp);
    httpd_ = std::make_unique<Subprocess>(SpawnOptions{{"public-inbox-httpd", "-l", base_, app.string()}, env_, {}});
    for (int i = 0; i < 100 && !answers(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return answers(port_);
  }
  void stop() {
    if (!httpd_) return;
    httpd_->send_signal(SIGTERM);
    httpd_->wait(std::chrono::seconds(10));
    httpd_.reset();
  }

  const std::string& base() const { return base_; }
  // The access log's targets ("/test/?t=20120301000000"), oldest first.
  std::vector<std::string> requests() const {
    std::vector<std::string> out;
    std::istringstream lines(slurp(home_.path() / "access.log"));
    for (std::string line; std::getline(lines, line);)
      out.push_back(line.substr(line.find(' ') + 1, line.rfind(' ') - line.find(' ') - 1));
    return out;
  }
  void clear_requests() { std::filesystem::resize_file(home_.path() / "access.log", 0); }

 private:
  TempDir home_;
  unsigned short port_;
  std::string base_;
  std::vector<std::pair<std::string, std::string>> env_;
  std::unique_ptr<Subprocess> httpd_;
};

}  // namespace fora::test
