// Debian's Chromium, headless, driven over its DevTools protocol for the browser tests of
// `fora serve`. The protocol runs on a pair of pipes (--remote-debugging-pipe: JSON messages
// ending in NUL, on the browser's fds 3 and 4), so no port is opened and nothing but
// nlohmann-json is needed to speak it. One tab; each frame in it, out of process or not, is
// watched: what it asked the network for, and what it reported (console errors, uncaught
// exceptions, Content-Security-Policy violations, dialogs).
// Test-only code: a browser that cannot start or answer throws std::runtime_error.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fora::test {

class Chromium {
 public:
  // The browser the tests run: $FORA_CHROMIUM, else /usr/bin/chromium; "" when neither is
  // there (the browser tests then skip, saying so).
  static std::string program();

  // Starts it with a fresh profile in `profile` (a folder of the test's own), a window of
  // `width` x `height` CSS pixels, and one blank tab.
  explicit Chromium(const std::filesystem::path& profile, int width = 1100, int height = 900);
  ~Chromium();
  Chromium(const Chromium&) = delete;
  Chromium& operator=(const Chromium&) = delete;

  // Opens `url` in the tab and waits until it and its frames have loaded.
  void open(const std::string& url);
  // Clicks the first element `selector` (CSS) matches, as a mouse would (the middle of its
  // box), and waits for the page it leads to (or the #fragment). Throws when nothing matches.
  void click(const std::string& selector);
  // Clicks, as a mouse would, the first element `selector` matches inside the frame
  // `frame` (a CSS selector of an <iframe> of the page), found through the DevTools DOM
  // (a sandboxed frame runs no script, and may run in a process of its own); then waits for
  // the frame's next page to answer and settle. Throws when nothing matches.
  void click_in_frame(const std::string& frame, const std::string& selector);
  // Types `text` into the field `selector` and submits its form with Enter; waits for the
  // page it leads to.
  void type_and_submit(const std::string& selector, const std::string& text);
  // The value of a JavaScript expression, evaluated in the page's main frame (DevTools runs
  // it, whatever the page's CSP says). Throws when it throws.
  nlohmann::json eval(const std::string& expression);
  // The tab as a PNG: the viewport, or the whole page.
  std::string screenshot(bool whole_page = false);
  // The window's size in CSS pixels, `mobile` as a phone's; media "print" shows the page as
  // printed ("" for the screen).
  void emulate(int width, int height, bool mobile, const std::string& media = "");

  // What the page and its frames reported since the last open() or click(): each a line
  // "source: text".
  const std::vector<std::string>& problems() const { return problems_; }
  // Every URL they asked for since then.
  const std::vector<std::string>& requests() const { return requests_; }
  // The HTTP status of each answer they had since then, by URL (the last of a URL wins).
  const std::map<std::string, int>& statuses() const { return statuses_; }

 private:
  nlohmann::json call(const std::string& method, nlohmann::json params = nlohmann::json::object(),
                      const std::string& session = {});
  // Reads messages until `done` holds, handling each event on the way; throws at `timeout`.
  template <typename Done>
  void read_until(Done done, std::chrono::milliseconds timeout);
  void on_event(const nlohmann::json& message);
  void watch(const std::string& session);
  void wait_for_load();
  void settle();  // reads what the page still reports for kSettle
  void send(const nlohmann::json& message);
  void stop();    // closes the browser (killed when it has not gone in 5 s)
  void forget();  // problems, requests and statuses, before the next page
  void press(double x, double y);

  pid_t pid_ = -1;
  int to_browser_ = -1, from_browser_ = -1;
  std::string buffer_;
  int next_id_ = 0;
  std::map<int, nlohmann::json> replies_;  // answers not yet taken, by id
  std::string page_;  // the tab's session
  std::vector<std::string> problems_, requests_;
  std::map<std::string, int> statuses_;
  std::vector<std::string> frames_;  // the sessions of frames in processes of their own
  bool loaded_ = false;
};

}  // namespace fora::test
