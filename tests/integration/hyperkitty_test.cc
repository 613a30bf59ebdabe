// HyperKitty end to end: a generated list (mail_list.h) imported into a live HyperKitty 1.3.7
// (Debian's python3-django-hyperkitty, run without Mailman core by tools/hyperkitty/), served
// by Django's runserver on 127.0.0.1 and crawled from the list's page by the real binary.
// Every message is checked against the generator (date in UTC, to the minute: no HyperKitty
// page prints seconds, so the generator's dates have none; author, words, parent, thread) and the server's request log against the crawl rules (no account, vote,
// export, search or message pages; each thread fetched once).
//
// FORA_HYPERKITTY_THREADS=N runs it on a list of N threads and prints the counts
// (tools/hyperkitty/run does, with 60 threads).
#include <gtest/gtest.h>

#include <openssl/evp.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "fora_run.h"
#include "mail_list.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace fora::test {
namespace {

using json = nlohmann::json;

const std::string kPython = "/usr/bin/python3";  // Debian's, which has Django and HyperKitty
const std::string kManage = std::string(FORA_SOURCE_DIR) + "/tools/hyperkitty/manage.py";
const std::string kList = "list@example.com";

// HyperKitty's id of a message: base32 of the SHA-1 of its Message-ID without the angle
// brackets (hyperkitty/lib/utils.py, get_message_id_hash).
std::string message_id_hash(const std::string& message_id) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(message_id.data(), message_id.size(), md, &len, EVP_sha1(), nullptr);
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned i = 0; i < len; ++i) {
    buffer = (buffer << 8) | md[i];
    for (bits += 8; bits >= 5; bits -= 5) out += alphabet[(buffer >> (bits - 5)) & 31];
  }
  if (bits > 0) out += alphabet[(buffer << (5 - bits)) & 31];
  return out;  // 160 bits: 32 characters, no padding
}

// A live HyperKitty serving `messages` as the list kList: migrate, hyperkitty_import, then
// `manage.py runserver` with its request log in a file.
class LiveHyperKitty {
 public:
  explicit LiveHyperKitty(const std::vector<Message>& messages) : port_(free_port()) {
    const auto box = dir_.write("list.mbox", mbox(messages));
    manage({"migrate", "-v0"});
    manage({"hyperkitty_import", "--no-sync-mailman", "-v0", "-l", kList, box.string()});
    const std::string command = "exec " + kPython + " " + kManage + " runserver --noreload 127.0.0.1:" +
                                std::to_string(port_) + " 2>" + log().string();
    server_.emplace(SpawnOptions{{"sh", "-c", command}, env(), {}});
    for (int i = 0; i < 300 && !answers(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (!answers(port_)) throw std::runtime_error("HyperKitty did not start: " + slurp(log()));
  }
  ~LiveHyperKitty() { stop(); }

  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

  // Stops the server; its log is complete after this.
  void stop() {
    if (!server_) return;
    server_->send_signal(SIGTERM);
    server_->wait(std::chrono::seconds(20));
    server_.reset();
  }

  // The paths (with queries) the server was asked for, in order.
  std::vector<std::string> requests() const {
    static const std::regex line("\"GET ([^ ]+) HTTP/[0-9.]+\" [0-9]+");
    std::vector<std::string> out;
    std::istringstream in(slurp(log()));
    std::smatch m;
    for (std::string l; std::getline(in, l);)
      if (std::regex_search(l, m, line)) out.push_back(m[1]);
    return out;
  }

 private:
  std::vector<std::pair<std::string, std::string>> env() const {
    return {{"HYPERKITTY_DIR", dir_.path().string()}, {"PYTHONDONTWRITEBYTECODE", "1"}};
  }
  std::filesystem::path log() const { return dir_.path() / "requests.log"; }
  void manage(std::vector<std::string> args) {
    args.insert(args.begin(), {kPython, kManage});
    const RunResult r = run({args, env(), {}}, std::chrono::seconds(600));
    if (r.exit_code != 0) throw std::runtime_error("manage.py " + args[2] + " failed: " + r.out + r.err);
  }

  TempDir dir_;
  unsigned short port_;
  std::optional<Subprocess> server_;
};

// What the server was asked for, by kind.
struct RequestCounts {
  std::map<std::string, int> per_thread;  // thread id -> fetches of its pages (any query)
  int thread_pages = 0, listings = 0, robots = 0, refused = 0;
  std::vector<std::string> refused_paths;  // account, vote, export, search, message pages...
};

RequestCounts count_requests(const std::vector<std::string>& paths) {
  static const std::regex thread("^/hyperkitty/list/[^/]+/thread/([^/?]+)/(\\?noscript)?$");
  static const std::regex listing("^/hyperkitty/(list/[^/]+/(latest(\\?page=[0-9]+)?)?)?$");
  RequestCounts c;
  std::smatch m;
  for (const std::string& p : paths) {
    if (std::regex_match(p, m, thread)) {
      ++c.thread_pages;
      ++c.per_thread[m[1]];
    } else if (std::regex_match(p, listing)) {
      ++c.listings;
    } else if (p == "/robots.txt") {
      ++c.robots;
    } else {
      ++c.refused;
      c.refused_paths.push_back(p);
    }
  }
  return c;
}

std::size_t threads_wanted() {
  const char* n = std::getenv("FORA_HYPERKITTY_THREADS");
  return n != nullptr && std::atoi(n) > 0 ? static_cast<std::size_t>(std::atoi(n)) : 12;
}

TEST(HyperKitty, LiveArchiveCrawledFromTheListPageGivesEveryMessageWithItsDateAndParent) {
  if (run({kPython, "-c", "import hyperkitty, django_mailman3, allauth"}).exit_code != 0)
    GTEST_SKIP() << "HyperKitty is not installed (python3-django-hyperkitty; tools/install-deps.sh installs it)";
  ListShape shape;
  shape.threads = threads_wanted();
  shape.max_size = 14;         // up to 14 messages, replies three deep
  shape.start = 1325311200;    // 2011-12-31T06:00:00Z: the first threads span New Year
  shape.zones = {0, 840, -600, 330, -300, 60};  // +14:00 and -10:00 put the senders' New Year apart from UTC's
  const std::vector<Message> messages = make_list(shape);
  LiveHyperKitty hk(messages);
  TempDir archive;
  const RunResult crawl = fora(archive.path(), {"crawl", "--delay", "0", hk.url("/hyperkitty/list/" + kList + "/")});
  hk.stop();
  ASSERT_EQ(crawl.exit_code, 0) << crawl.out << crawl.err;
  ASSERT_EQ(fora(archive.path(), {"index"}).exit_code, 0);

  const std::map<std::string, json> got = stored_entries(archive.path());
  EXPECT_EQ(got.size(), messages.size());
  std::map<std::string, std::string> hash_of;
  for (const Message& m : messages) hash_of[m.id] = message_id_hash(m.id);
  int found = 0, dates = 0, parents = 0, replies = 0, authors = 0, words = 0, line_breaks = 0, threads = 0;
  std::map<std::string, long> thread_of_root;
  for (const Message& m : messages) {
    auto it = got.find(hash_of[m.id]);
    if (it == got.end()) {
      ADD_FAILURE() << m.id << " (" << hash_of[m.id] << ") not found";
      continue;
    }
    ++found;
    const json& e = it->second;
    const std::string parent = m.parent.empty() ? "" : hash_of[m.parent];
    dates += e["date"] == iso(m.date);
    authors += e["author"] == m.from_name;
    // HyperKitty breaks a paragraph's lines by CSS (white-space: pre-wrap on .email-body p),
    // which fora does not read: a line break within a paragraph is read as a space.
    const std::string spaced = std::regex_replace(m.text, std::regex("\n"), " ");
    words += e["text"] == spaced;
    line_breaks += e["text"] == m.text;
    if (!m.parent.empty()) ++replies, parents += e["parent_id"] == parent;
    EXPECT_EQ(e["date"], iso(m.date)) << m.id << " sent " << rfc2822(m.date, m.zone);
    EXPECT_EQ(e["author"], m.from_name) << m.id;
    EXPECT_EQ(e["text"], spaced) << m.id;
    EXPECT_EQ(e["parent_id"], parent) << m.id;
    EXPECT_EQ(e["type"], m.parent.empty() ? "post" : "comment") << m.id;
    if (!m.quoted.empty() && e["quotes"].size() == 1) {
      EXPECT_EQ(e["quotes"][0]["text"], m.quoted) << m.id;
    } else {
      EXPECT_EQ(e["quotes"].size(), m.quoted.empty() ? 0u : 1u) << m.id;
    }
    auto [root, fresh] = thread_of_root.try_emplace(m.root, e["thread_id"].get<long>());
    threads += fresh;
    EXPECT_EQ(e["thread_id"].get<long>(), root->second) << m.id << " is in its root's thread";
  }

  const RequestCounts c = count_requests(hk.requests());
  EXPECT_EQ(c.refused, 0) << "pages the crawl rules should have left: " << json(c.refused_paths).dump();
  EXPECT_EQ(c.per_thread.size(), shape.threads);
  for (const auto& [id, fetches] : c.per_thread) EXPECT_EQ(fetches, 1) << "thread " << id << " fetched " << fetches << " times";
  // The list of lists, the list's page and its "latest" pages (ten threads each).
  EXPECT_LE(c.listings, 2 + static_cast<int>((shape.threads + 9) / 10));
  std::cout << "HyperKitty " << shape.threads << " threads, " << messages.size() << " messages: found " << found
            << ", dates right " << dates << "/" << messages.size() << ", parents right " << parents << "/" << replies
            << ", authors right " << authors << ", words right " << words << " (line breaks kept " << line_breaks
            << "), threads " << threads << "\n"
            << "requests: " << c.thread_pages << " thread pages (" << c.per_thread.size() << " threads), " << c.listings
            << " listings, " << c.robots << " robots.txt, " << c.refused << " others; "
            << static_cast<double>(c.thread_pages) / static_cast<double>(std::max<std::size_t>(1, c.per_thread.size()))
            << " requests per thread\n";
}

}  // namespace
}  // namespace fora::test
