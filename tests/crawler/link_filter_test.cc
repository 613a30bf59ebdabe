// LinkFilter: every URL joins a crawl once, and only within the scope and off the traps.
#include "link_filter.h"

#include <gtest/gtest.h>

#include <thread>

namespace fora::crawler::detail {
namespace {

Scope scope_of(const std::string& start) {
  auto scope = Scope::from_start_urls({start});
  EXPECT_TRUE(scope);
  return std::move(*scope);
}

TEST(LinkFilter, AdmitsEachUrlOnceInScopeAndOffTheTraps) {
  const Scope scope = scope_of("http://127.0.0.1:8080/");
  LinkFilter filter(scope);
  std::vector<std::string> out;
  filter.admit("http://127.0.0.1:8080/a", out);
  filter.admit("http://127.0.0.1:8080/a", out);
  filter.admit("http://127.0.0.1:9090/a", out);                   // another port: out of scope
  filter.admit("http://127.0.0.1:8080/post/?replytocom=3", out);  // a trap
  filter.admit_ref("http://127.0.0.1:8080/x/", "../b#frag", out);
  filter.admit_ref("http://127.0.0.1:8080/x/", "#top", out);      // the page itself
  filter.admit_ref("http://127.0.0.1:8080/x/", "mailto:a@b", out);
  EXPECT_EQ(out, (std::vector<std::string>{"http://127.0.0.1:8080/a", "http://127.0.0.1:8080/b"}));
  EXPECT_FALSE(filter.mark("http://127.0.0.1:8080/b"));
  EXPECT_TRUE(filter.mark("http://127.0.0.1:8080/c"));
}

TEST(LinkFilter, ManyThreadsAdmitEachUrlOnce) {
  const Scope scope = scope_of("http://example.com/");
  LinkFilter filter(scope);
  std::vector<std::vector<std::string>> outs(4);
  std::vector<std::thread> threads;
  for (auto& out : outs)
    threads.emplace_back([&filter, &out] {
      for (int i = 0; i < 2000; ++i) filter.admit("http://example.com/topic-" + std::to_string(i), out);
    });
  for (auto& t : threads) t.join();
  std::size_t total = 0;
  for (const auto& out : outs) total += out.size();
  EXPECT_EQ(total, 2000u);
}

}  // namespace
}  // namespace fora::crawler::detail
