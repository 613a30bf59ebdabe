// A real mail archive end to end: a generated mbox with known Message-IDs, In-Reply-To and
// References is rendered by Debian's `mhonarc`, served, crawled from its index by the real
// binary, and every message is checked against the generator: author, date, parent, thread
// and own words apart from the quoted lines.
#include <gtest/gtest.h>

#include <ctime>
#include <fstream>
#include <map>

#include "fora_run.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace fora::test {
namespace {

using json = nlohmann::json;

struct Message {
  std::string id, parent, root, from_name, from_addr, subject, text, quoted;
  std::int64_t date = 0;
};

std::string rfc2822(std::int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

std::string iso(std::int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// 6 threads of 1..8 messages; a reply answers an earlier message of its thread and quotes
// its first line.
std::vector<Message> make_list() {
  const std::vector<std::pair<std::string, std::string>> people = {
      {"Tobias Oberstein", "tobias@example.org"}, {"Itamar Turner-Trauring", "itamar@example.org"},
      {"Zoë Ångström", "zoe@example.org"},        {"Jean-Paul Calderone", "exarkun@example.org"},
      {"Phil Mayers", "phil@example.org"}};
  const std::vector<std::string> subjects = {"Twisted/PyPy rocks!", "epoll reactor and PyPy",
                                             "Trial on FreeBSD", "Deferred cancellation",
                                             "TLS timeouts", "Release 12.0 plans"};
  std::vector<Message> out;
  std::int64_t when = 1330618740;  // 2012-03-01T16:19:00Z
  int n = 0;
  for (std::size_t t = 0; t < subjects.size(); ++t) {
    const std::size_t size = 1 + (t * 5 + 3) % 8;
    const std::size_t first = out.size();
    for (std::size_t k = 0; k < size; ++k, ++n, when += 1800 + 60 * n) {
      Message m;
      m.id = "msg" + std::to_string(n) + ".fora-test@lists.example.org";
      const auto& [name, addr] = people[(t + k * 3) % people.size()];
      m.from_name = name;
      m.from_addr = addr;
      m.date = when;
      m.text = "Message " + std::to_string(n) + " about " + subjects[t] + ".\nSecond line " + std::to_string(n) + ".";
      if (k == 0) {
        m.root = m.id;
        m.subject = "[Test-List] " + subjects[t];
      } else {
        const Message& parent = out[first + (k - 1) / 2];
        m.parent = parent.id;
        m.root = out[first].id;
        m.subject = "Re: [Test-List] " + subjects[t];
        m.quoted = parent.text.substr(0, parent.text.find('\n'));
      }
      out.push_back(std::move(m));
    }
  }
  return out;
}

std::string mbox(const std::vector<Message>& messages) {
  std::string out;
  for (const Message& m : messages) {
    out += "From " + m.from_addr + "  Thu Mar  1 12:00:00 2012\n";
    out += "From: " + m.from_name + " <" + m.from_addr + ">\n";
    out += "Date: " + rfc2822(m.date) + "\n";
    out += "Subject: " + m.subject + "\n";
    out += "Message-ID: <" + m.id + ">\n";
    if (!m.parent.empty()) {
      out += "In-Reply-To: <" + m.parent + ">\n";
      out += "References: <" + m.root + ">" + (m.parent != m.root ? " <" + m.parent + ">" : "") + "\n";
    }
    out += "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n";
    if (!m.quoted.empty()) out += "On " + rfc2822(m.date - 600) + ", Someone wrote:\n> " + m.quoted + "\n\n";
    out += m.text + "\n\n";
  }
  return out;
}

TEST(MailArchive, MhonarcArchiveCrawledFromItsIndexGivesEveryMessage) {
  if (run({"mhonarc", "-v"}).exit_code != 0)
    GTEST_SKIP() << "mhonarc is not installed (tools/install-deps.sh installs it)";
  const std::vector<Message> messages = make_list();
  TempDir work, site, archive;
  const auto box = work.write("list.mbox", mbox(messages));
  const RunResult rendered = run({"mhonarc", "-quiet", "-outdir", site.path().string(), box.string()});
  ASSERT_EQ(rendered.exit_code, 0) << rendered.err;

  TestServer server(site.path());
  const RunResult crawl = fora(archive.path(), {"crawl", "--delay", "0", server.url("/maillist.html")});
  ASSERT_EQ(crawl.exit_code, 0) << crawl.out << crawl.err;
  ASSERT_EQ(fora(archive.path(), {"index"}).exit_code, 0);

  auto hits = fora(archive.path(), {"search", "--json", "--limit", "1000", "type:post OR type:comment"});
  ASSERT_EQ(hits.exit_code, 0) << hits.err;
  std::map<std::string, json> got;
  for (const json& hit : json_lines(hits.out)) {
    auto show = fora(archive.path(), {"show", "--json", std::to_string(hit["id"].get<long>())});
    ASSERT_EQ(show.exit_code, 0) << show.err;
    json e = json::parse(show.out);
    got[e["native_id"].get<std::string>()] = e;
  }
  EXPECT_EQ(got.size(), messages.size()) << crawl.out;
  std::map<std::string, long> thread_of_root;
  for (const Message& m : messages) {
    auto it = got.find(m.id);
    if (it == got.end()) {
      ADD_FAILURE() << m.id << " not found";
      continue;
    }
    const json& e = it->second;
    EXPECT_EQ(e["author"], m.from_name) << m.id;
    EXPECT_EQ(e["date"], iso(m.date)) << m.id;
    EXPECT_EQ(e["parent_id"], m.parent) << m.id;
    EXPECT_EQ(e["type"], m.parent.empty() ? "post" : "comment") << m.id;
    EXPECT_EQ(e["text"], m.text) << m.id;
    if (m.quoted.empty()) {
      EXPECT_TRUE(e["quotes"].empty()) << m.id;
    } else {
      EXPECT_EQ(e["quotes"].size(), 1u) << m.id;
      if (e["quotes"].size() == 1) {
        EXPECT_EQ(e["quotes"][0]["text"], m.quoted) << m.id;
      }
    }
    auto [root, fresh] = thread_of_root.try_emplace(m.root, e["thread_id"].get<long>());
    if (!fresh) {
      EXPECT_EQ(e["thread_id"].get<long>(), root->second) << m.id << " is in its root's thread";
    }
  }
}

}  // namespace
}  // namespace fora::test
