// Real mail archives end to end: a generated list with known Message-IDs, In-Reply-To and
// References, rendered by Debian's `mhonarc` (served by fora-testserver) and imported into a
// public-inbox (served by public-inbox-httpd), crawled from its index by the real binary;
// every message is checked against the generator: author, date, parent, thread and own words
// apart from the quoted lines; and the servers' request logs against the fewest pages that
// hold every message (the expected counts computed from the generated list).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "fora_run.h"
#include "mail_list.h"
#include "pipermail_archive.h"
#include "public_inbox.h"
#include "support/process.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace fora::test {
namespace {

using json = nlohmann::json;

// Each message is stored once, by its Message-ID: `check` is called with each and its entry.
void for_each_stored(const std::filesystem::path& archive, const std::vector<Message>& messages,
                     const std::function<void(const json&, const Message&)>& check) {
  const std::map<std::string, json> got = stored_entries(archive);
  EXPECT_EQ(got.size(), messages.size());
  for (const Message& m : messages) {
    auto it = got.find(m.id);
    if (it == got.end()) {
      ADD_FAILURE() << m.id << " not found";
      continue;
    }
    check(it->second, m);
  }
}

// The message's author, date, parent (as the archive shows it) and the line it quotes.
void expect_headers_and_quote(const json& e, const Message& m, const std::string& parent) {
  EXPECT_EQ(e["author"], m.from_name) << m.id;
  EXPECT_EQ(e["date"], iso(m.date)) << m.id;
  EXPECT_EQ(e["parent_id"], parent) << m.id;
  if (m.quoted.empty()) {
    EXPECT_TRUE(e["quotes"].empty()) << m.id;
  } else if (e["quotes"].size() != 1) {
    ADD_FAILURE() << m.id << " quotes one line: " << e["quotes"];
  } else {
    EXPECT_EQ(e["quotes"][0]["text"], m.quoted) << m.id;
  }
}

// Each message with its author, date, parent, thread (its root's) and own words apart from
// the quoted line.
void expect_every_message(const std::filesystem::path& archive, const std::vector<Message>& messages) {
  std::map<std::string, long> thread_of_root;
  for_each_stored(archive, messages, [&](const json& e, const Message& m) {
    expect_headers_and_quote(e, m, m.parent);
    EXPECT_EQ(e["type"], m.parent.empty() ? "post" : "comment") << m.id;
    EXPECT_EQ(e["text"], m.text) << m.id;
    auto [root, fresh] = thread_of_root.try_emplace(m.root, e["thread_id"].get<long>());
    if (!fresh) {
      EXPECT_EQ(e["thread_id"].get<long>(), root->second) << m.id << " is in its root's thread";
    }
  });
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

  expect_every_message(archive.path(), messages);
  // MHonArc has no page of many messages: the fewest requests are the date index (the start)
  // and each message's page once; never the thread index beside it, nor a message twice.
  std::size_t pages = 0, robots = 0;
  std::vector<std::string> other;
  static const std::regex kMessagePage(R"(^GET /msg[0-9]{5}\.html 200$)");
  for (const std::string& line : server.requests()) {
    if (std::regex_match(line, kMessagePage)) ++pages;
    else if (line.rfind("GET /robots.txt ", 0) == 0) ++robots;
    else if (line != "GET /maillist.html 200") other.push_back(line);
  }
  EXPECT_EQ(pages, messages.size());
  EXPECT_LE(robots, 1u);
  EXPECT_TRUE(other.empty()) << other.size() << " requests besides the index and the messages, the first: "
                             << (other.empty() ? "" : other.front());
}

// The listing pages public-inbox shows (View.pm paginate_recent): the newest 200 messages
// first, then each older page while the one before was full.
std::size_t listing_pages(std::size_t messages) { return messages / 200 + 1; }

// The most flat thread views a crawl of the listings may fetch: a listing links each thread
// with messages in its window once, by the thread's latest message there, so a thread that
// spans two windows may be fetched under two messages.
std::size_t most_thread_views(const std::vector<Message>& messages) {
  std::vector<const Message*> newest_first;
  for (const Message& m : messages) newest_first.push_back(&m);
  std::sort(newest_first.begin(), newest_first.end(), [](auto* a, auto* b) { return a->date > b->date; });
  std::set<std::pair<std::size_t, std::string>> window_threads;
  for (std::size_t i = 0; i < newest_first.size(); ++i) window_threads.emplace(i / 200, newest_first[i]->root);
  return window_threads.size();
}

// public-inbox (Debian's package): a list of over 200 messages imported into a real inbox,
// served by public-inbox-httpd on 127.0.0.1, crawled from the inbox's front page. Every
// message is read right from the threads' flat views, and the crawl asks for nothing but the
// listing pages and one flat view per thread: never a message's own page, its raw text, the
// nested view, mbox or Atom exports.
TEST(MailArchive, PublicInboxCrawledFromItsFrontPageReadsEachThreadOnce) {
  if (!PublicInbox::installed()) GTEST_SKIP() << "public-inbox is not installed (tools/install-deps.sh installs it)";
  const std::vector<Message> messages = make_list({.threads = 48});
  ASSERT_GT(messages.size(), 200u) << "the list must fill more than one listing page";
  TempDir archive;
  PublicInbox inbox;
  const RunResult imported = inbox.add(messages);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  ASSERT_TRUE(inbox.serve()) << "public-inbox-httpd did not start on " << inbox.base();

  const RunResult crawl = fora(archive.path(), {"crawl", "--delay", "0", inbox.base() + "/test/"});
  inbox.stop();
  ASSERT_EQ(crawl.exit_code, 0) << crawl.out << crawl.err;
  ASSERT_EQ(fora(archive.path(), {"index"}).exit_code, 0);
  expect_every_message(archive.path(), messages);

  // The requests by kind; a flat view "/test/MESSAGE-ID/T/" counts for its message's thread.
  std::map<std::string, std::string> root_of;
  for (const Message& m : messages) root_of[m.id] = m.root;
  std::size_t listings = 0, views = 0, robots = 0;
  std::set<std::string> threads_read, asked;
  std::vector<std::string> other;
  for (const std::string& target : inbox.requests()) {
    EXPECT_TRUE(asked.insert(target).second) << "asked twice: " << target;
    static const std::regex kView(R"(^/test/([^/]+)/T/$)");
    std::smatch view;
    if (target == "/test/" || target.rfind("/test/?t=", 0) == 0) {
      ++listings;
    } else if (std::regex_match(target, view, kView) && root_of.count(view[1].str())) {
      ++views;
      threads_read.insert(root_of.at(view[1].str()));
    } else if (target == "/robots.txt") {
      ++robots;
    } else {
      other.push_back(target);
    }
  }
  std::set<std::string> threads;
  for (const Message& m : messages) threads.insert(m.root);
  EXPECT_EQ(listings, listing_pages(messages.size()));
  EXPECT_EQ(threads_read, threads) << "each thread's flat view was read";
  EXPECT_LE(views, most_thread_views(messages));
  EXPECT_LE(robots, 1u);
  EXPECT_TRUE(other.empty()) << other.size() << " requests of no listing and no thread, the first: "
                             << (other.empty() ? "" : other.front());
  EXPECT_LE(static_cast<double>(listings + views + robots + other.size()),
            1.2 * static_cast<double>(threads.size() + listing_pages(messages.size())));
}

// A generated Mailman 2.1 archive (pipermail_archive.h) of a list over two months, crawled
// from the list's table of contents. Each message is read from its own page (the only page
// with its headers), its parent from its month's thread index (a parent in another month is
// in no page); the crawl asks for the table of contents, each month's thread index once and
// each message's page once: never the subject, author or date indexes, the text archives,
// the raw mbox, the attachments or the list's info pages.
TEST(MailArchive, PipermailArchiveCrawledFromItsIndexReadsEachMessagePageOnce) {
  // From 2012-03-27: the list runs into April, and threads cross the month's end.
  const std::vector<Message> messages = make_list({.threads = 30, .start = 1332856740});
  TempDir site, archive;
  TestServer server(site.path());
  const PipermailArchive pm = write_pipermail_archive(site.path(), server.base_url(), messages);
  ASSERT_EQ(pm.thread_indexes.size(), 2u);
  std::size_t cut = 0;  // replies whose parent is in the other month
  for (const Message& m : messages) cut += !m.parent.empty() && !pipermail_shows_parent(pm, m);
  ASSERT_GT(cut, 0u) << "a thread must cross the month's end";

  const RunResult crawl = fora(archive.path(), {"crawl", "--delay", "0", server.url(pm.toc)});
  ASSERT_EQ(crawl.exit_code, 0) << crawl.out << crawl.err;
  ASSERT_EQ(fora(archive.path(), {"index"}).exit_code, 0);
  for_each_stored(archive.path(), messages, [&](const json& e, const Message& m) {
    expect_headers_and_quote(e, m, pipermail_shows_parent(pm, m) ? m.parent : "");
    EXPECT_EQ(e["text"].get<std::string>().rfind(m.text, 0), 0u) << m.id << ": " << e["text"];
    EXPECT_EQ(e["thread_title"], m.subject.substr(m.subject.find("] ") + 2)) << m.id;
  });

  // The request log against the fewest pages: the contents, the thread indexes, the messages.
  std::set<std::string> minimal = {pm.toc};
  minimal.insert(pm.thread_indexes.begin(), pm.thread_indexes.end());
  for (const auto& [id, page] : pm.page) minimal.insert(page);
  std::set<std::string> asked;
  std::vector<std::string> other;
  std::size_t requests = 0;
  for (const std::string& line : server.requests()) {
    const std::string target = target_of(line);
    if (target == "/robots.txt") continue;
    ++requests;
    EXPECT_TRUE(asked.insert(target).second) << "asked twice: " << target;
    if (!minimal.count(target)) other.push_back(line);
  }
  EXPECT_EQ(asked.size() - other.size(), minimal.size()) << "every page of the minimal set was read";
  EXPECT_TRUE(other.empty()) << other.size() << " requests outside the minimal set, the first: "
                             << (other.empty() ? "" : other.front());
  EXPECT_LE(static_cast<double>(requests), 1.2 * static_cast<double>(minimal.size()));
  std::cout << "pipermail: " << minimal.size() << " pages in the minimal set, " << requests << " requests\n";
}

// Real pipermail pages (../shared/fixtures/real/pipermail: three messages of one thread and
// the month's thread index) served as the archive lays them out: the messages name no parent,
// the index does, and the crawl puts the two together. Expected parents are the In-Reply-To
// headers of the same messages in the month's mbox.
TEST(MailArchive, PipermailParentsComeFromTheThreadIndex) {
  const std::filesystem::path real = std::filesystem::path(FORA_FIXTURES_DIR) / "pipermail";
  if (!std::filesystem::exists(real))
    GTEST_SKIP() << "fixture folder absent: " << real << " (real pages are not shipped with fora)";
  TempDir site, archive;
  const std::string month = "pipermail/twisted-python/2012-March/";
  auto copy = [&](const char* from, const char* to) {
    std::ifstream in(real / from, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    site.write(month + to, bytes.str());
  };
  copy("twisted-pypy-rocks-057767.html", "057767.html");
  copy("twisted-pypy-rocks-057769.html", "057769.html");
  copy("twisted-pypy-rocks-057771.html", "057771.html");
  copy("twisted-2012-march-thread-index.html", "thread.html");
  TestServer server(site.path());
  const RunResult crawl = fora(archive.path(), {"crawl", "--delay", "0", server.url("/" + month + "thread.html")});
  ASSERT_EQ(crawl.exit_code, 0) << crawl.out << crawl.err;
  ASSERT_EQ(fora(archive.path(), {"index"}).exit_code, 0);
  const std::map<std::string, json> got = stored_entries(archive.path());
  const std::string tobias = "634914A010D0B943A035D226786325D42D5AB77C5D@EXVMBX020-12.exch020.serverdata.net";
  const std::string itamar = "588d443e5a273ddb8e84aa61d3658966.squirrel@webmail.zoteca.com";
  const std::string exarkun = "20120301181542.9647.925087300.divmod.xquotient.11@localhost6.localdomain6";
  ASSERT_EQ(got.count(tobias) + got.count(itamar) + got.count(exarkun), 3u) << crawl.out;
  EXPECT_EQ(got.at(tobias)["parent_id"], "");
  EXPECT_EQ(got.at(itamar)["parent_id"], tobias);
  EXPECT_EQ(got.at(exarkun)["parent_id"], itamar);
  EXPECT_EQ(got.at(exarkun)["parent_author"], "Itamar Turner-Trauring");
  // The index learned it too: replies to Itamar are found by replyto:.
  auto r = fora(archive.path(), {"search", "--json", "replyto:\"Itamar Turner-Trauring\""});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json_lines(r.out).size(), 1u) << r.out;

  // The crawl asked for the thread index and each message it lists once (those not served
  // answer 404), never the subject, author or date indexes beside it.
  std::set<std::string> listed;
  const std::string index = slurp(real / "twisted-2012-march-thread-index.html");
  static const std::regex kListed(R"re(HREF="([0-9]{6}\.html)")re", std::regex::icase);
  for (std::sregex_iterator it(index.begin(), index.end(), kListed), end; it != end; ++it)
    listed.insert("/" + month + (*it)[1].str());
  std::set<std::string> asked;
  std::vector<std::string> other;
  for (const std::string& line : server.requests()) {
    const std::string target = target_of(line);
    if (listed.count(target) && asked.insert(target).second) continue;
    if (target != "/robots.txt" && target != "/" + month + "thread.html") other.push_back(line);
  }
  EXPECT_EQ(asked, listed);
  EXPECT_TRUE(other.empty()) << other.size() << " requests besides the index and its messages, the first: "
                             << (other.empty() ? "" : other.front());
}

}  // namespace
}  // namespace fora::test
