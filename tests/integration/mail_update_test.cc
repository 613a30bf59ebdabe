// fora update on mail archives' own change signals (issue 20, point 8): an archive's
// newest-first index is read at every update, with validators, and each new entry's page is
// asked for. Per engine, with the real software where Debian has it: a generated list is
// crawled, then mail arrives (two new threads, replies to three old threads), the archive
// is brought up to date as the engine does it, and one `fora update` must find every new
// message, asking for the index and the new or changed thread pages, not the archive again.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <thread>

#include "fora_run.h"
#include "mail_list.h"
#include "pipermail_archive.h"
#include "public_inbox.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace fora::test {
namespace {

using json = nlohmann::json;

// Mail that arrives after the crawl, from the minute of `when` on, a minute apart (whole
// minutes: public-inbox's thread view prints no seconds): replies to three old
// threads (to the first message of the first, to a reply in the middle one, to the last
// message of the last), and two new threads of two messages each.
std::vector<Message> later_mail(const std::vector<Message>& old, std::int64_t when) {
  std::vector<Message> out;
  int n = 0;
  auto add = [&](const std::string& subject, const Message* parent, const std::string& root) {
    Message m;
    m.id = "late" + std::to_string(n) + ".fora-test@lists.example.org";
    m.from_name = n % 2 ? "Night Owl" : "Zoë Ångström";
    m.from_addr = n % 2 ? "owl@example.org" : "zoe@example.org";
    m.date = when / 60 * 60 + 60 * n;
    m.subject = parent ? "Re: " + subject : subject;
    m.text = "Late message " + std::to_string(n) + " on " + subject.substr(subject.find("] ") + 2) + ".";
    if (parent) {
      m.parent = parent->id;
      m.root = root;
      m.quoted = parent->text.substr(0, parent->text.find('\n'));
    } else {
      m.root = m.id;
    }
    ++n;
    out.push_back(std::move(m));
  };
  const Message& first = old.front();
  const Message* middle = nullptr;
  for (const Message& m : old)
    if (!m.parent.empty() && m.root != first.root && m.root != old.back().root) middle = &m;
  if (middle == nullptr) throw std::runtime_error("the list needs three threads with replies");
  add(first.subject, &first, first.root);
  add("[Test-List] " + middle->subject.substr(middle->subject.find("] ") + 2), middle, middle->root);
  add("[Test-List] " + old.back().subject.substr(old.back().subject.find("] ") + 2), &old.back(), old.back().root);
  for (const char* subject : {"[Test-List] Late news on the reactor", "[Test-List] Late question on trial"}) {
    add(subject, nullptr, "");
    const Message root = out.back();
    add(subject, &root, root.id);
  }
  return out;
}

// The threads `later` adds to or starts (by root).
std::set<std::string> threads_of(const std::vector<Message>& later) {
  std::set<std::string> roots;
  for (const Message& m : later) roots.insert(m.root);
  return roots;
}

std::string listed(const std::vector<std::string>& requests) {
  std::string s;
  for (const std::string& line : requests) s += line + "\n";
  return s;
}

// The catalog counts visits in whole seconds: a page visited in the second the update begins
// counts as visited since it began. A nightly update comes hours later.
RunResult update(const std::filesystem::path& archive) {
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  return fora(archive, {"update", "--quiet", "--delay", "0"});
}

// Every message of `all` is stored once, the new ones (`later`) with their author and parent
// (`parent_of` says which parent the engine shows).
template <typename ParentOf>
void expect_every_message(const std::filesystem::path& archive, const std::vector<Message>& all,
                          const std::vector<Message>& later, const std::string& requests, ParentOf parent_of) {
  const std::map<std::string, json> got = stored_entries(archive);
  EXPECT_EQ(got.size(), all.size());
  for (const Message& m : later) {
    auto it = got.find(m.id);
    if (it == got.end()) {
      ADD_FAILURE() << m.id << " not found by the update; it asked for:\n" << requests;
      continue;
    }
    EXPECT_EQ(it->second["author"], m.from_name) << m.id;
    EXPECT_EQ(it->second["date"], iso(m.date)) << m.id;
    EXPECT_EQ(it->second["parent_id"], parent_of(m)) << m.id;
  }
}

// public-inbox: the inbox's front page lists the threads by their latest message, newest
// first, and links each by that message's flat view; a thread with a new reply moves to the
// top under a new address. The update reads the front page and each new or changed
// thread's flat view once, and no older listing page: the front page still shows old
// threads, so nothing new is further down (each older page is addressed by the time of the
// last message on the page before, which new mail moves: a new address, but no news).
TEST(MailUpdate, PublicInboxFrontPageLeadsToEveryNewMessage) {
  if (!PublicInbox::installed()) GTEST_SKIP() << "public-inbox is not installed (tools/install-deps.sh installs it)";
  const std::int64_t now = std::time(nullptr);
  const std::vector<Message> messages = make_list({.threads = 48, .start = now - 40 * 86400});
  ASSERT_GT(messages.size(), 200u) << "the list must fill more than one listing page";
  TempDir archive;
  PublicInbox inbox;
  ASSERT_EQ(inbox.add(messages).exit_code, 0);
  ASSERT_TRUE(inbox.serve()) << "public-inbox-httpd did not start on " << inbox.base();
  const RunResult crawl = fora(archive.path(), {"crawl", "--delay", "0", "--quiet", inbox.base() + "/test/"});
  ASSERT_EQ(crawl.exit_code, 0) << crawl.err;

  const std::vector<Message> later = later_mail(messages, now - 600);
  const RunResult added = inbox.add(later);
  ASSERT_EQ(added.exit_code, 0) << added.err;
  std::vector<Message> all = messages;
  all.insert(all.end(), later.begin(), later.end());
  inbox.clear_requests();
  const RunResult updated = update(archive.path());
  ASSERT_EQ(updated.exit_code, 0) << updated.out << updated.err;
  const std::vector<std::string> requests = inbox.requests();
  expect_every_message(archive.path(), all, later, listed(requests), [](const Message& m) { return m.parent; });

  // The front page, each new or changed thread's flat view, robots.txt; nothing else.
  std::map<std::string, std::string> root_of;
  for (const Message& m : all) root_of[m.id] = m.root;
  const std::set<std::string> changed = threads_of(later);
  std::size_t front = 0, older = 0, views = 0;
  std::set<std::string> changed_read, asked;
  std::vector<std::string> other;
  static const std::regex kView(R"(^/test/([^/]+)/T/$)");
  for (const std::string& target : requests) {
    EXPECT_TRUE(asked.insert(target).second) << "asked twice: " << target;
    std::smatch view;
    if (target == "/test/") {
      ++front;
    } else if (target.rfind("/test/?t=", 0) == 0) {
      ++older;
    } else if (std::regex_match(target, view, kView) && root_of.count(view[1].str())) {
      ++views;
      if (changed.count(root_of.at(view[1].str()))) changed_read.insert(root_of.at(view[1].str()));
    } else if (target != "/robots.txt") {
      other.push_back(target);
    }
  }
  const std::size_t pages = all.size() / 200 + 1;  // View.pm paginate_recent: 200 messages a page
  EXPECT_EQ(front, 1u);
  EXPECT_EQ(changed_read, changed) << "each new or changed thread's flat view:\n" << listed(requests);
  EXPECT_EQ(older, 0u) << listed(requests);
  EXPECT_EQ(views, changed.size()) << listed(requests);
  EXPECT_TRUE(other.empty()) << other.size() << " requests besides the listings and the threads:\n" << listed(requests);
  std::cout << "public-inbox update: " << requests.size() << " requests (" << changed.size()
            << " new or changed threads, " << pages << " listing pages)\n";
}

// pipermail (a generated Mailman 2.1 archive): the month's thread index is the page that
// grows. The update reads the table of contents and the current month's thread index (with
// validators) and asks for each new message's page; never an old message's page again.
TEST(MailUpdate, PipermailCurrentMonthLeadsToEveryNewMessage) {
  const std::int64_t now = std::time(nullptr);
  const std::vector<Message> messages = make_list({.start = now - 2 * 86400});
  TempDir site, archive;
  TestServer server(site.path());
  const PipermailArchive before = write_pipermail_archive(site.path(), server.base_url(), messages);
  const RunResult crawl = fora(archive.path(), {"crawl", "--delay", "0", "--quiet", server.url(before.toc)});
  ASSERT_EQ(crawl.exit_code, 0) << crawl.err;

  const std::vector<Message> later = later_mail(messages, now - 600);
  std::vector<Message> all = messages;
  all.insert(all.end(), later.begin(), later.end());
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // the mail comes later: new validators
  const PipermailArchive after = write_pipermail_archive(site.path(), server.base_url(), all);
  server.clear_requests();
  const RunResult updated = update(archive.path());
  ASSERT_EQ(updated.exit_code, 0) << updated.out << updated.err;
  const std::vector<std::string> requests = server.requests();
  expect_every_message(archive.path(), all, later, listed(requests),
                       [&](const Message& m) { return pipermail_shows_parent(after, m) ? m.parent : ""; });

  // The contents, the thread indexes of the months that can still grow (the current one,
  // and the one before when the list began in it), each new message's page, robots.txt.
  std::set<std::string> allowed = {"/robots.txt", after.toc};
  allowed.insert(after.thread_indexes.begin(), after.thread_indexes.end());
  for (const Message& m : later) allowed.insert(after.page.at(m.id));
  std::set<std::string> asked;
  for (const std::string& line : requests) {
    const std::string target = target_of(line);
    EXPECT_TRUE(allowed.count(target)) << "asked for " << target << ", which is no index and no new message";
    EXPECT_TRUE(asked.insert(target).second) << "asked twice: " << target;
  }
  for (const Message& m : later) EXPECT_TRUE(asked.count(after.page.at(m.id))) << m.id;
  EXPECT_TRUE(asked.count(after.month.at(later.front().id))) << "the current month's thread index";
  std::cout << "pipermail update: " << requests.size() << " requests for " << later.size() << " new messages, "
            << before.page.size() << " before\n";
}

// MHonArc (Debian's mhonarc): its date index (maillist.html) is the page new mail is listed
// on; `mhonarc -add` files new mail into the archive as a list's archiver does. The update
// reads the index and asks for each new message's page: not the thread index beside it,
// and not the old messages' pages, though MHonArc rewrites those it adds follow-ups to.
TEST(MailUpdate, MhonarcIndexLeadsToEveryNewMessage) {
  if (run({"mhonarc", "-v"}).exit_code != 0)
    GTEST_SKIP() << "mhonarc is not installed (tools/install-deps.sh installs it)";
  const std::int64_t now = std::time(nullptr);
  const std::vector<Message> messages = make_list({.start = now - 2 * 86400});
  TempDir work, site, archive;
  const RunResult rendered = run({"mhonarc", "-quiet", "-outdir", site.path().string(),
                                  work.write("list.mbox", mbox(messages)).string()});
  ASSERT_EQ(rendered.exit_code, 0) << rendered.err;
  TestServer server(site.path());
  const RunResult crawl = fora(archive.path(), {"crawl", "--delay", "0", "--quiet", server.url("/maillist.html")});
  ASSERT_EQ(crawl.exit_code, 0) << crawl.err;

  const std::vector<Message> later = later_mail(messages, now - 600);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // the mail comes later: new validators
  const RunResult added = run({"mhonarc", "-add", "-quiet", "-outdir", site.path().string(),
                               work.write("later.mbox", mbox(later)).string()});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  std::vector<Message> all = messages;
  all.insert(all.end(), later.begin(), later.end());
  server.clear_requests();
  const RunResult updated = update(archive.path());
  ASSERT_EQ(updated.exit_code, 0) << updated.out << updated.err;
  const std::vector<std::string> requests = server.requests();
  expect_every_message(archive.path(), all, later, listed(requests), [](const Message& m) { return m.parent; });

  // MHonArc numbers messages as they arrive: the new ones are the last.
  std::set<std::string> allowed = {"/robots.txt", "/maillist.html"};
  for (std::size_t n = messages.size(); n < all.size(); ++n) {
    char page[32];
    std::snprintf(page, sizeof page, "/msg%05zu.html", n);
    allowed.insert(page);
  }
  std::set<std::string> asked;
  for (const std::string& line : requests) {
    const std::string target = target_of(line);
    EXPECT_TRUE(allowed.count(target)) << "asked for " << target << ", which is no index and no new message";
    EXPECT_TRUE(asked.insert(target).second) << "asked twice: " << target;
  }
  EXPECT_EQ(asked.size() + 1, allowed.size() + asked.count("/robots.txt")) << listed(requests);
  std::cout << "MHonArc update: " << requests.size() << " requests for " << later.size() << " new messages, "
            << messages.size() << " before\n";
}

}  // namespace
}  // namespace fora::test
