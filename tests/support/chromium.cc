#include "support/chromium.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace fora::test {
namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;
constexpr std::chrono::seconds kPageTimeout{20};
// After a page's load event, how long to keep listening for what it still reports (the
// favicon's request, a late CSP violation).
constexpr std::chrono::milliseconds kSettle{300};

// A descriptor at 10 or above, close-on-exec, so that the dup2()s onto the browser's 3 and 4
// never meet one of their own sources.
int high_fd(int fd) {
  const int moved = fcntl(fd, F_DUPFD_CLOEXEC, 10);
  close(fd);
  if (moved < 0) throw std::runtime_error(std::string("fcntl: ") + std::strerror(errno));
  return moved;
}

std::string base64_decode(std::string_view in) {
  static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned int bits = 0;
  int count = 0;
  for (char c : in) {
    const auto at = kAlphabet.find(c);
    if (at == std::string_view::npos) continue;  // '=' padding, line breaks
    bits = (bits << 6) | static_cast<unsigned int>(at);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out.push_back(static_cast<char>((bits >> count) & 0xFF));
    }
  }
  return out;
}

}  // namespace

std::string Chromium::program() {
  if (const char* given = std::getenv("FORA_CHROMIUM"); given != nullptr && *given != '\0')
    return access(given, X_OK) == 0 ? given : "";
  return access("/usr/bin/chromium", X_OK) == 0 ? "/usr/bin/chromium" : "";
}

Chromium::Chromium(const std::filesystem::path& profile, int width, int height) {
  const std::string exe = program();
  if (exe.empty()) throw std::runtime_error("no chromium: install Debian's chromium or set FORA_CHROMIUM");
  signal(SIGPIPE, SIG_IGN);  // a browser gone mid-write is an error to report, not a death
  int to[2], from[2];
  if (pipe2(to, O_CLOEXEC) != 0 || pipe2(from, O_CLOEXEC) != 0)
    throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  const int browser_reads = high_fd(to[0]), browser_writes = high_fd(from[1]);
  to_browser_ = to[1];
  from_browser_ = from[0];
  std::filesystem::create_directories(profile);
  const std::string log = (profile / "chromium.log").string();
  std::vector<std::string> args = {
      exe,
      "--headless",
      "--remote-debugging-pipe",
      "--user-data-dir=" + profile.string(),
      "--no-sandbox",  // the tests may run as root, in a container, where its sandbox cannot start
      "--disable-gpu",
      "--disable-dev-shm-usage",
      // Nothing but the page under test on the network: no update checks, no sync, no
      // safe-browsing lists, no field trials.
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-extensions",
      "--disable-default-apps",
      "--no-first-run",
      "--no-default-browser-check",
      "--hide-scrollbars",
      "--mute-audio",
      "--force-device-scale-factor=1",
      "--window-size=" + std::to_string(width) + "," + std::to_string(height),
      "about:blank"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawn_file_actions_adddup2(&actions, browser_reads, 3);
  posix_spawn_file_actions_adddup2(&actions, browser_writes, 4);
  const int rc = posix_spawn(&pid_, exe.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(browser_reads);
  close(browser_writes);
  if (rc != 0) {
    pid_ = -1;
    stop();
    throw std::runtime_error("cannot start " + exe + ": " + std::strerror(rc));
  }
  try {
    const json target = call("Target.createTarget", {{"url", "about:blank"}});
    page_ = call("Target.attachToTarget", {{"targetId", target.at("targetId")}, {"flatten", true}}).at("sessionId");
    watch(page_);
    call("Page.enable", json::object(), page_);
    emulate(width, height, false);
  } catch (...) {
    stop();  // no destructor runs for a constructor that throws
    throw;
  }
}

Chromium::~Chromium() { stop(); }

void Chromium::stop() {
  if (pid_ > 0) {
    try {
      send({{"id", ++next_id_}, {"method", "Browser.close"}});
    } catch (const std::exception&) {
    }
    const auto until = Clock::now() + std::chrono::seconds(5);
    int status = 0;
    while (waitpid(pid_, &status, WNOHANG) == 0) {
      if (Clock::now() > until) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  if (to_browser_ >= 0) close(to_browser_);
  if (from_browser_ >= 0) close(from_browser_);
  pid_ = to_browser_ = from_browser_ = -1;
}

void Chromium::send(const json& message) {
  const std::string bytes = message.dump() + '\0';
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = write(to_browser_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error("chromium stopped listening: " + std::string(std::strerror(errno)));
    done += static_cast<std::size_t>(n);
  }
}

template <typename Done>
void Chromium::read_until(Done done, std::chrono::milliseconds timeout) {
  const auto until = Clock::now() + timeout;
  while (!done()) {
    const auto end = buffer_.find('\0');
    if (end != std::string::npos) {
      const json message = json::parse(buffer_.substr(0, end));
      buffer_.erase(0, end + 1);
      if (message.contains("id")) replies_[message["id"].get<int>()] = message;
      else on_event(message);
      continue;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
    if (left <= 0) throw std::runtime_error("chromium: no answer in time");
    pollfd p{from_browser_, POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(left));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    char chunk[65536];
    const ssize_t n = read(from_browser_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error("chromium closed its pipe (see chromium.log in its profile)");
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
}

json Chromium::call(const std::string& method, json params, const std::string& session) {
  const int id = ++next_id_;
  json message = {{"id", id}, {"method", method}, {"params", std::move(params)}};
  if (!session.empty()) message["sessionId"] = session;
  send(message);
  read_until([&] { return replies_.contains(id); }, kPageTimeout);
  json reply = std::move(replies_[id]);
  replies_.erase(id);
  if (reply.contains("error")) throw std::runtime_error("chromium: " + method + ": " + reply["error"].dump());
  return reply.value("result", json::object());
}

// Asks the session to report what its frame logs, throws, violates and requests, and to
// attach each frame it opens (a sandboxed frame may run in a process of its own). The
// replies are not waited for: a frame waits for the debugger until the last of these, and
// the pipe keeps their order.
void Chromium::watch(const std::string& session) {
  for (const char* domain : {"Runtime.enable", "Log.enable", "Network.enable", "Audits.enable"})
    send({{"id", ++next_id_}, {"method", domain}, {"params", json::object()}, {"sessionId", session}});
  send({{"id", ++next_id_},
        {"method", "Target.setAutoAttach"},
        {"params", {{"autoAttach", true}, {"waitForDebuggerOnStart", true}, {"flatten", true}}},
        {"sessionId", session}});
  send({{"id", ++next_id_}, {"method", "Runtime.runIfWaitingForDebugger"}, {"params", json::object()}, {"sessionId", session}});
}

void Chromium::on_event(const json& message) {
  const std::string method = message.value("method", "");
  const json& p = message.contains("params") ? message["params"] : json::object();
  if ((method == "Page.loadEventFired" || method == "Page.navigatedWithinDocument") && message.value("sessionId", "") == page_) {
    loaded_ = true;  // a new page has loaded, or a link to a #fragment of this one was followed
  } else if (method == "Network.requestWillBeSent") {
    requests_.push_back(p["request"].value("url", ""));
  } else if (method == "Network.responseReceived") {
    statuses_[p["response"].value("url", "")] = p["response"].value("status", 0);
  } else if (method == "Target.attachedToTarget") {
    if (p["targetInfo"].value("type", "") == "iframe") frames_.push_back(p.value("sessionId", ""));
    watch(p.value("sessionId", ""));
  } else if (method == "Target.detachedFromTarget") {
    std::erase(frames_, p.value("sessionId", ""));
  } else if (method == "Log.entryAdded" && p["entry"].value("level", "") == "error") {
    problems_.push_back(p["entry"].value("source", "log") + ": " + p["entry"].value("text", "") + " (" +
                        p["entry"].value("url", "") + ")");
  } else if (method == "Runtime.exceptionThrown") {
    problems_.push_back("exception: " + p["exceptionDetails"].dump());
  } else if (method == "Runtime.consoleAPICalled" && (p.value("type", "") == "error" || p.value("type", "") == "assert")) {
    problems_.push_back("console." + p.value("type", "") + ": " + p["args"].dump());
  } else if (method == "Audits.issueAdded" && p["issue"].value("code", "") == "ContentSecurityPolicyIssue") {
    problems_.push_back("csp: " + p["issue"]["details"].dump());
  } else if (method == "Page.javascriptDialogOpening") {
    problems_.push_back("dialog: " + p.value("message", ""));
    send({{"id", ++next_id_}, {"method", "Page.handleJavaScriptDialog"}, {"params", {{"accept", false}}}, {"sessionId", page_}});
  } else if (method == "Inspector.targetCrashed") {
    problems_.push_back("crashed");
  }
}

void Chromium::wait_for_load() {
  read_until([&] { return loaded_; }, kPageTimeout);
  settle();
}

void Chromium::settle() {
  const auto until = Clock::now() + kSettle;
  try {
    read_until([&] { return Clock::now() > until; }, kSettle + std::chrono::milliseconds(50));
  } catch (const std::runtime_error&) {
    // quiet: nothing more to read in the time
  }
}

void Chromium::forget() {
  problems_.clear();
  requests_.clear();
  statuses_.clear();
  loaded_ = false;
}

void Chromium::press(double x, double y) {
  for (const char* type : {"mousePressed", "mouseReleased"})
    call("Input.dispatchMouseEvent", {{"type", type}, {"x", x}, {"y", y}, {"button", "left"}, {"clickCount", 1}}, page_);
}

void Chromium::open(const std::string& url) {
  forget();
  const json r = call("Page.navigate", {{"url", url}}, page_);
  if (!r.value("errorText", "").empty()) throw std::runtime_error("chromium could not open " + url + ": " + r["errorText"].get<std::string>());
  if (!r.contains("loaderId")) return;  // only a #fragment changed: the page stays, nothing loads
  wait_for_load();
}

json Chromium::eval(const std::string& expression) {
  const json r = call("Runtime.evaluate", {{"expression", expression}, {"returnByValue", true}, {"awaitPromise", true}}, page_);
  if (r.contains("exceptionDetails")) throw std::runtime_error("chromium: " + expression + " threw " + r["exceptionDetails"].dump());
  return r["result"].value("value", json());
}

void Chromium::click(const std::string& selector) {
  const json box = eval("(() => { const e = document.querySelector(" + json(selector).dump() +
                        "); if (!e) return null; e.scrollIntoView({block: 'center'});"
                        " const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()");
  if (box.is_null()) throw std::runtime_error("chromium: nothing to click at " + selector);
  forget();
  press(box[0], box[1]);
  wait_for_load();
}

void Chromium::click_in_frame(const std::string& frame, const std::string& selector) {
  // Where the frame's content starts in the page's viewport (its border and padding inside).
  const json origin = eval("(() => { const f = document.querySelector(" + json(frame).dump() +
                           "); if (!f) return null; f.scrollIntoView({block: 'start'}); const r = f.getBoundingClientRect();"
                           " return [r.x + f.clientLeft, r.y + f.clientTop]; })()");
  if (origin.is_null()) throw std::runtime_error("chromium: no frame at " + frame);
  // The frame's document: in the page's own DOM when it shares its process, else in the
  // session of the frame's process.
  std::optional<json> quad;
  const auto find = [&](const std::string& session, int root) -> bool {
    const int node = call("DOM.querySelector", {{"nodeId", root}, {"selector", selector}}, session).value("nodeId", 0);
    if (node == 0) return false;
    call("DOM.scrollIntoViewIfNeeded", {{"nodeId", node}}, session);
    quad = call("DOM.getBoxModel", {{"nodeId", node}}, session).at("model").at("content");
    return true;
  };
  const json tree = call("DOM.getDocument", {{"depth", -1}, {"pierce", true}}, page_).at("root");
  const int iframe = call("DOM.querySelector", {{"nodeId", tree.at("nodeId")}, {"selector", frame}}, page_).value("nodeId", 0);
  const json described = call("DOM.describeNode", {{"nodeId", iframe}, {"depth", 1}, {"pierce", true}}, page_).at("node");
  bool in_page = false;
  if (described.contains("contentDocument")) {
    // Node ids of a described node are not pushed to the front end: ask by its backend id.
    const json pushed = call("DOM.pushNodesByBackendIdsToFrontend",
                             {{"backendNodeIds", json::array({described["contentDocument"]["backendNodeId"]})}}, page_);
    in_page = find(page_, pushed.at("nodeIds").at(0).get<int>());
  }
  bool in_process = false;
  for (const auto& session : frames_) {
    if (in_page) break;
    const int root = call("DOM.getDocument", {{"depth", 0}}, session).at("root").at("nodeId");
    if (find(session, root)) {
      in_process = true;
      break;
    }
  }
  if (!quad) throw std::runtime_error("chromium: nothing to click at " + selector + " in " + frame);
  // A quad's corners, x y four times: its middle, moved by the frame's place when the box
  // was measured in the frame's own viewport.
  const double x = ((*quad)[0].get<double>() + (*quad)[4].get<double>()) / 2 + (in_process ? origin[0].get<double>() : 0);
  const double y = ((*quad)[1].get<double>() + (*quad)[5].get<double>()) / 2 + (in_process ? origin[1].get<double>() : 0);
  forget();
  press(x, y);
  // The frame's new page gives the page no load event: wait for its answer, then settle.
  read_until([&] { return !statuses_.empty(); }, kPageTimeout);
  settle();
}

void Chromium::type_and_submit(const std::string& selector, const std::string& text) {
  const json found = eval("(() => { const e = document.querySelector(" + json(selector).dump() +
                          "); if (!e) return false; e.focus(); e.select(); return true; })()");
  if (!found.get<bool>()) throw std::runtime_error("chromium: no field at " + selector);
  forget();
  call("Input.insertText", {{"text", text}}, page_);
  for (const char* type : {"keyDown", "keyUp"})
    call("Input.dispatchKeyEvent",
         {{"type", type}, {"key", "Enter"}, {"code", "Enter"}, {"windowsVirtualKeyCode", 13}, {"text", "\r"}}, page_);
  wait_for_load();
}

std::string Chromium::screenshot(bool whole_page) {
  json params = {{"format", "png"}};
  if (whole_page) {
    const json size = call("Page.getLayoutMetrics", json::object(), page_).at("cssContentSize");
    params["captureBeyondViewport"] = true;
    params["clip"] = {{"x", 0}, {"y", 0}, {"width", size["width"]}, {"height", size["height"]}, {"scale", 1}};
  }
  return base64_decode(call("Page.captureScreenshot", params, page_).at("data").get<std::string>());
}

void Chromium::emulate(int width, int height, bool mobile, const std::string& media) {
  call("Emulation.setDeviceMetricsOverride",
       {{"width", width}, {"height", height}, {"deviceScaleFactor", 1}, {"mobile", mobile}}, page_);
  call("Emulation.setEmulatedMedia", {{"media", media}}, page_);
}

}  // namespace fora::test
