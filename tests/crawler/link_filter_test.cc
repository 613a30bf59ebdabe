// LinkFilter: every URL joins a crawl once, and only within the scope and off the traps.
#include "link_filter.h"

#include <gtest/gtest.h>

#include <thread>

namespace fora::crawler::detail {
namespace {

Url url(std::string_view text) { return *Url::parse(text); }

std::vector<std::string> spellings(const std::vector<Url>& urls) {
  std::vector<std::string> out;
  for (const Url& u : urls) out.push_back(u.str());
  return out;
}

Scope scope_of(const std::string& start) {
  auto scope = Scope::from_start_urls({start});
  EXPECT_TRUE(scope);
  return std::move(*scope);
}

TEST(LinkFilter, AdmitsEachUrlOnceInScopeAndOffTheTraps) {
  const Scope scope = scope_of("http://127.0.0.1:8080/");
  LinkFilter filter(scope);
  std::vector<Url> out;
  filter.admit(url("http://127.0.0.1:8080/a"), out);
  filter.admit(url("http://127.0.0.1:8080/a"), out);
  filter.admit(url("http://127.0.0.1:9090/a"), out);                   // another port: out of scope
  filter.admit(url("http://127.0.0.1:8080/post/?replytocom=3"), out);  // a trap
  // References found on a page are resolved against it first.
  const Url page = url("http://127.0.0.1:8080/x/");
  for (const char* ref : {"../b#frag", "#top" /* the page itself */, "mailto:a@b"})
    if (auto resolved = Url::resolve(page, ref)) filter.admit(*resolved, out);
  EXPECT_EQ(spellings(out), (std::vector<std::string>{"http://127.0.0.1:8080/a", "http://127.0.0.1:8080/b"}));
  EXPECT_FALSE(filter.mark(url("http://127.0.0.1:8080/b")));
  EXPECT_TRUE(filter.mark(url("http://127.0.0.1:8080/c")));
}

TEST(LinkFilter, ManyThreadsAdmitEachUrlOnce) {
  const Scope scope = scope_of("http://example.com/");
  LinkFilter filter(scope);
  std::vector<std::vector<Url>> outs(4);
  std::vector<std::thread> threads;
  for (auto& out : outs)
    threads.emplace_back([&filter, &out] {
      for (int i = 0; i < 2000; ++i) filter.admit(url("http://example.com/topic-" + std::to_string(i)), out);
    });
  for (auto& t : threads) t.join();
  std::size_t total = 0;
  for (const auto& out : outs) total += out.size();
  EXPECT_EQ(total, 2000u);
}

}  // namespace
}  // namespace fora::crawler::detail
