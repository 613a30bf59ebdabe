// A generated mailing list whose truth the mail-archive tests check a crawl against: known
// Message-IDs, In-Reply-To and References, dates, authors and words, written as an mbox or
// as single messages for the archivers (MHonArc, public-inbox, HyperKitty) to render.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "fora_run.h"
#include "site_text.h"

namespace fora::test {

struct Message {
  std::string id, parent, root, from_name, from_addr, subject, text, quoted;
  std::int64_t date = 0;  // Unix seconds, UTC
  int zone = 0;           // the sender's UTC offset in minutes, as its Date header says it
};

// `t` as a Date header writes it, in the zone `zone` minutes east of UTC.
inline std::string rfc2822(std::int64_t t, int zone = 0) {
  const int off = zone < 0 ? -zone : zone;
  char sign[16];
  std::snprintf(sign, sizeof sign, " %c%02d%02d", zone < 0 ? '-' : '+', off / 60, off % 60);
  return site::utc(t + std::int64_t{zone} * 60, "%a, %d %b %Y %H:%M:%S") + sign;
}

inline std::string iso(std::int64_t t) { return site::utc(t, "%Y-%m-%dT%H:%M:%SZ"); }

// What make_list() generates. The defaults are the small list of the mail-archive tests.
struct ListShape {
  std::size_t threads = 6;            // thread t has 1 + (5t + 3) % max_size messages
  std::size_t max_size = 8;
  std::int64_t start = 1330618740;    // the first message: 2012-03-01T16:19:00Z
  std::vector<int> zones = {0};       // senders' UTC offsets (minutes), taken in turn
};

// Threads of messages 30 minutes and more apart (whole minutes); a reply answers an earlier
// message of its thread (message k answers message (k - 1) / 2, so each message has up to
// two replies) and quotes its first line.
inline std::vector<Message> make_list(const ListShape& shape = {}) {
  const std::vector<std::pair<std::string, std::string>> people = {
      {"Tobias Oberstein", "tobias@example.org"}, {"Itamar Turner-Trauring", "itamar@example.org"},
      {"Zoë Ångström", "zoe@example.org"},        {"Jean-Paul Calderone", "exarkun@example.org"},
      {"Phil Mayers", "phil@example.org"}};
  const std::vector<std::string> subjects = {"Twisted/PyPy rocks!", "epoll reactor and PyPy",
                                             "Trial on FreeBSD", "Deferred cancellation",
                                             "TLS timeouts", "Release 12.0 plans"};
  std::vector<Message> out;
  std::int64_t when = shape.start;
  int n = 0;
  for (std::size_t t = 0; t < shape.threads; ++t) {
    const std::size_t size = 1 + (t * 5 + 3) % shape.max_size;
    const std::size_t first = out.size();
    std::string subject = subjects[t % subjects.size()];
    if (t >= subjects.size()) subject += " (" + std::to_string(t / subjects.size() + 1) + ")";
    for (std::size_t k = 0; k < size; ++k, ++n, when += 1800 + 60 * n) {
      Message m;
      m.id = "msg" + std::to_string(n) + ".fora-test@lists.example.org";
      const auto& [name, addr] = people[(t + k * 3) % people.size()];
      m.from_name = name;
      m.from_addr = addr;
      m.date = when;
      m.zone = shape.zones[static_cast<std::size_t>(n) % shape.zones.size()];
      m.text = "Message " + std::to_string(n) + " about " + subject + ".\nSecond line " + std::to_string(n) + ".";
      if (k == 0) {
        m.root = m.id;
        m.subject = "[Test-List] " + subject;
      } else {
        const Message& parent = out[first + (k - 1) / 2];
        m.parent = parent.id;
        m.root = out[first].id;
        m.subject = "Re: [Test-List] " + subject;
        m.quoted = parent.text.substr(0, parent.text.find('\n'));
      }
      out.push_back(std::move(m));
    }
  }
  return out;
}

// A display name as a header carries it: RFC 2047 (Q encoding, UTF-8) when not ASCII.
inline std::string header_name(const std::string& name) {
  bool ascii = true;
  for (unsigned char c : name) ascii = ascii && c < 0x80;
  if (ascii) return name;
  std::string out = "=?UTF-8?Q?";
  for (unsigned char c : name) {
    if (c == ' ') out += '_';
    else if (c < 0x80 && std::isalnum(c)) out += static_cast<char>(c);
    else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "=%02X", c);
      out += hex;
    }
  }
  return out + "?=";
}

// One message as RFC 5322 text (without the mbox "From " line).
inline std::string message_text(const Message& m) {
  std::string out;
  out += "From: " + header_name(m.from_name) + " <" + m.from_addr + ">\n";
  out += "To: Test List <list@example.org>\n";
  out += "Date: " + rfc2822(m.date, m.zone) + "\n";
  out += "Subject: " + m.subject + "\n";
  out += "Message-ID: <" + m.id + ">\n";
  if (!m.parent.empty()) {
    out += "In-Reply-To: <" + m.parent + ">\n";
    out += "References: <" + m.root + ">" + (m.parent != m.root ? " <" + m.parent + ">" : "") + "\n";
  }
  out += "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n";
  if (!m.quoted.empty()) out += "On " + rfc2822(m.date - 600) + ", Someone wrote:\n> " + m.quoted + "\n\n";
  out += m.text + "\n";
  return out;
}

inline std::string mbox(const std::vector<Message>& messages) {
  std::string out;
  for (const Message& m : messages) out += "From " + m.from_addr + "  Thu Mar  1 12:00:00 2012\n" + message_text(m) + "\n";
  return out;
}

// Every post and comment of `archive`, by native id, as `fora show --json` prints it.
inline std::map<std::string, nlohmann::json> stored_entries(const std::filesystem::path& archive) {
  auto hits = fora(archive, {"search", "--json", "--limit", "1000", "type:post OR type:comment"});
  EXPECT_EQ(hits.exit_code, 0) << hits.err;
  std::map<std::string, nlohmann::json> got;
  for (const nlohmann::json& hit : json_lines(hits.out)) {
    auto show = fora(archive, {"show", "--json", std::to_string(hit["id"].get<long>())});
    EXPECT_EQ(show.exit_code, 0) << show.err;
    nlohmann::json e = nlohmann::json::parse(show.out);
    got[e["native_id"].get<std::string>()] = e;
  }
  return got;
}

// A free TCP port on 127.0.0.1 (for servers that take a port, not port 0).
inline unsigned short free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
    throw std::runtime_error("no free port");
  ::close(fd);
  return ntohs(addr.sin_port);
}

// Whether something listens on 127.0.0.1:`port`.
inline bool answers(unsigned short port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  if (fd >= 0) ::close(fd);
  return ok;
}

}  // namespace fora::test
