// Tests of ThreadStore: merging thread pages, versions, matching, gone marks, reading back.
#include "archive_test_support.h"
#include "fora/archive/repair.h"
#include "fora/archive/verify.h"

using namespace fora::archive::test_support;

namespace {

class ThreadStoreTest : public ArchiveTest {};

TEST_F(ThreadStoreTest, AFlippedByteInStoredWordsIsRefusedNotReadAsOtherWords) {
  const std::string words(400, 'w');
  {
    auto a = open_write();
    ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"1", words + " and the end"}}), 10));
  }
  // A byte in the middle of the frame: a literal of the words, which zstd decodes whatever
  // it holds; only the frame's checksum tells.
  poke_catalog(dir_, "UPDATE comment_versions SET text = substr(text, 1, length(text) / 2) ||"
                     " x'5a' || substr(text, length(text) / 2 + 2) WHERE id = 2");
  auto a = open_write();
  auto e = a->threads().entry(2);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, Errc::Corrupt);
  EXPECT_NE(e.error().message.find("comment 2"), std::string::npos) << e.error().message;
  EXPECT_NE(e.error().hint.find("fora verify --repair"), std::string::npos) << e.error().hint;
  ASSERT_EQ(verify(a->captures(), true)->problems.size(), 1u);

  // Repair marks the words lost and queues the page that showed them.
  auto repaired = repair(a->captures());
  ASSERT_TRUE(repaired) << repaired.error().message;
  EXPECT_EQ(repaired->versions_lost, 1);
  EXPECT_TRUE(verify(a->captures(), true)->problems.empty());
  auto lost = a->threads().entry(2);
  ASSERT_TRUE(lost) << lost.error().message;
  EXPECT_TRUE(lost->words_lost);
  EXPECT_TRUE(lost->entry.text.empty());
  // Read again, the page gives the entry its words back as a new version.
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"1", words + " and the end"}}), 11));
  auto back = a->threads().entry(2);
  ASSERT_TRUE(back);
  EXPECT_FALSE(back->words_lost);
  EXPECT_EQ(back->entry.text, words + " and the end");
  EXPECT_EQ(back->versions, 2);
}

TEST_F(ThreadStoreTest, ThreadPagesMergeAndEditsAddVersions) {
  auto a = open_write();
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"1", "first"}, {"2", "second"}}), 10).ok());
  // The next comment page of the same thread, and a re-read of page one.
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"3", "third"}}), 11).ok());
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"1", "first"}, {"2", "second"}}), 12).ok());
  auto s = *a->stats();
  EXPECT_EQ(s.threads, 1);
  EXPECT_EQ(s.posts, 1);
  EXPECT_EQ(s.comments, 3);
  EXPECT_EQ(s.comment_versions, 4);

  const auto seq = *a->threads().max_change_seq();
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"2", "second, edited"}}), 13).ok());
  EXPECT_EQ(a->stats()->comment_versions, 5);
  std::vector<fora::archive::StoredEntry> changed;
  ASSERT_TRUE(a->threads().for_each_entry(seq, [&](const auto& e) {
                 changed.push_back(e);
                 return fora::ok();
               }).ok());
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(changed[0].entry.native_id, "2");
  EXPECT_EQ(changed[0].entry.text, "second, edited");
  EXPECT_EQ(changed[0].thread_title, "Soyuz leak");
  EXPECT_EQ(changed[0].tags, std::vector<std::string>{"Soyuz"});
  ASSERT_EQ(changed[0].entry.quotes.size(), 1u);
  EXPECT_EQ(changed[0].entry.quotes[0].author, "Chris");
  EXPECT_EQ(changed[0].first_seen, 10);
  EXPECT_EQ(changed[0].last_seen, 13);
}

TEST_F(ThreadStoreTest, RetitledThreadReindexesAllItsEntries) {
  auto a = open_write();
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"1", "x"}, {"2", "y"}}), 10).ok());
  const auto seq = *a->threads().max_change_seq();
  auto page = thread_page({});
  page.title = "Soyuz leak, updated";
  ASSERT_TRUE(a->threads().store_thread_page("example.com", page, 11).ok());
  int n = 0;
  ASSERT_TRUE(a->threads().for_each_entry(seq, [&](const auto& e) {
                 EXPECT_EQ(e.thread_title, "Soyuz leak, updated");
                 ++n;
                 return fora::ok();
               }).ok());
  EXPECT_EQ(n, 3);
}

TEST_F(ThreadStoreTest, ThreadedReplyKnowsItsParentAuthor) {
  auto a = open_write();
  auto page = thread_page({{"1", "question"}, {"2", "answer"}});
  page.comments[0].author = "Chris";
  page.comments[1].parent_id = "1";
  ASSERT_TRUE(a->threads().store_thread_page("example.com", page, 10).ok());
  auto entries = a->threads().thread_entries(1);
  ASSERT_EQ(entries->size(), 3u);
  EXPECT_EQ((*entries)[0].kind, "post");
  EXPECT_EQ((*entries)[2].parent_author, "Chris");
  auto missing = a->threads().entry(999);
  EXPECT_EQ(missing.error().code, Errc::NotFound);
}

TEST_F(ThreadStoreTest, ASiteGetsATextDictionaryItsLaterVersionsUse) {
  std::mt19937 rng(7);
  std::vector<ThreadPage> pages;
  for (int t = 0; t < 40; ++t) pages.push_back(talk_page(t, 50, rng));
  {
    auto a = open_write();
    a->captures().set_text_dictionary_policy(1500);
    ASSERT_TRUE(a->begin_batch());
    for (const auto& p : pages) ASSERT_TRUE(a->threads().store_thread_page("example.com", p, 10));
    ASSERT_TRUE(a->commit_batch());
  }
  const auto stored = stored_versions(dir_);
  ASSERT_EQ(stored.size(), 2000u);
  // Those before the 1,500th go without; those after use it, and are smaller.
  std::int64_t without = 0, with = 0;
  for (std::size_t i = 0; i < stored.size(); ++i) {
    EXPECT_EQ(stored[i].first, i >= 1499) << i;
    (stored[i].first ? with : without) += stored[i].second;
  }
  EXPECT_LT(with / 501, without / 1499 * 3 / 4);
  // Every entry reads back as written, through a reader that loads the dictionary itself.
  auto r = Archive::open(dir_, Archive::Mode::Read);
  ASSERT_TRUE(r);
  for (std::int64_t thread = 1; thread <= 40; ++thread) {
    auto entries = (*r)->threads().thread_entries(thread);
    ASSERT_TRUE(entries) << entries.error().message;
    const auto& page = pages[static_cast<std::size_t>(thread - 1)];
    ASSERT_EQ(entries->size(), page.comments.size());
    for (std::size_t c = 0; c < entries->size(); ++c) {
      EXPECT_EQ((*entries)[c].entry.text, page.comments[c].text);
      EXPECT_EQ((*entries)[c].entry.url, page.comments[c].url);
    }
  }
  // The same pages again add nothing: the stored words compare equal once decoded.
  auto a = open_write();
  for (const auto& p : pages) ASSERT_TRUE(a->threads().store_thread_page("example.com", p, 11));
  EXPECT_EQ(a->stats()->comment_versions, 2000);
}

TEST_F(ThreadStoreTest, AThreadThatMovesKeepsItsEntriesUrls) {
  auto a = open_write();
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"1", "first"}, {"2", "second"}}), 10));
  // The thread moves; its post and comment 2 are seen at the new place, comment 1 is not.
  auto moved = thread_page({{"2", "second"}});
  moved.thread_url = "http://example.com/soyuz-leak/";
  moved.post->url = moved.thread_url;
  moved.comments[0].url = moved.thread_url + "#comment-2";
  ASSERT_TRUE(a->threads().store_thread_page("example.com", moved, 11));
  auto entries = a->threads().thread_entries(1);
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 3u);
  EXPECT_EQ((*entries)[0].entry.url, "http://example.com/soyuz-leak/");
  EXPECT_EQ((*entries)[1].entry.url, "http://example.com/soyuz/#comment-1");
  EXPECT_EQ((*entries)[2].entry.url, "http://example.com/soyuz-leak/#comment-2");
  EXPECT_EQ((*entries)[2].thread_url, "http://example.com/soyuz-leak/");
}

TEST_F(ThreadStoreTest, AnEntryShownUnderTwoUrlsSettlesOnTheShorter) {
  auto a = open_write();
  // WordPress shows a post's first comments on its page and on comment-page-1/ again.
  auto copy = thread_page({{"1", "first"}});
  copy.comments[0].url = copy.thread_url + "comment-page-1/#comment-1";
  ASSERT_TRUE(a->threads().store_thread_page("example.com", copy, 10));
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"1", "first"}}), 11));
  EXPECT_EQ(a->threads().entry(2)->entry.url, "http://example.com/soyuz/#comment-1");
  // Read in the other order again, nothing changes.
  const auto seq = *a->threads().max_change_seq();
  ASSERT_TRUE(a->threads().store_thread_page("example.com", copy, 12));
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"1", "first"}}), 13));
  EXPECT_EQ(*a->threads().max_change_seq(), seq);
  EXPECT_EQ(a->threads().entry(2)->entry.url, "http://example.com/soyuz/#comment-1");
}

TEST_F(ThreadStoreTest, WhatAPageShowedIsKeptPerVersionNeverOverwritten) {
  auto a = open_write();
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"1", "first"}}), 10));
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"1", "first"}}), 11));
  // The author renames themselves and the date is shown again with its zone: a version.
  auto renamed = thread_page({{"1", "first"}});
  renamed.comments[0].author = "Edward S.";
  renamed.comments[0].published = 260;
  renamed.title = "Soyuz leak (solved)";
  ASSERT_TRUE(a->threads().store_thread_page("example.com", renamed, 20));
  ASSERT_TRUE(a->threads().store_thread_page("example.com", renamed, 21));
  auto versions = a->threads().entry_versions(2);
  ASSERT_TRUE(versions) << versions.error().message;
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].author, "Edward");
  EXPECT_EQ((*versions)[0].published, 200);
  EXPECT_EQ((*versions)[0].seen_at, 10);
  EXPECT_EQ((*versions)[0].last_seen, 11);
  EXPECT_EQ((*versions)[1].author, "Edward S.");
  EXPECT_EQ((*versions)[1].published, 260);
  EXPECT_EQ((*versions)[1].seen_at, 20);
  EXPECT_EQ((*versions)[1].last_seen, 21);
  EXPECT_EQ((*versions)[1].text, "first");
  EXPECT_EQ(a->threads().entry(2)->entry.author, "Edward S.");
  // A date read from "2 hours ago", then "3 hours ago" an hour later, is the same date.
  auto relative = renamed;
  relative.comments[0].precision = fora::extract::DatePrecision::Approximate;
  relative.comments[0].published = 1000;
  ASSERT_TRUE(a->threads().store_thread_page("example.com", relative, 30));
  relative.comments[0].published = 1060;
  ASSERT_TRUE(a->threads().store_thread_page("example.com", relative, 31));
  EXPECT_EQ(a->threads().entry_versions(2)->size(), 3u);
  EXPECT_EQ(a->threads().entry(2)->entry.published, 1000);
  renamed = relative;
  // The post did not change: one version, seen throughout.
  EXPECT_EQ(a->threads().entry_versions(1)->size(), 1u);
  EXPECT_EQ(a->threads().entry_versions(1)->front().last_seen, 31);
  auto thread = a->threads().thread_versions(1);
  ASSERT_TRUE(thread);
  ASSERT_EQ(thread->size(), 2u);
  EXPECT_EQ((*thread)[0].title, "Soyuz leak");
  EXPECT_EQ((*thread)[0].last_seen, 11);
  EXPECT_EQ((*thread)[1].title, "Soyuz leak (solved)");
  EXPECT_EQ((*thread)[1].seen_at, 20);
  EXPECT_EQ((*thread)[1].last_seen, 31);
  EXPECT_EQ((*thread)[1].tags, std::vector<std::string>{"Soyuz"});
}

// Engines that print no comment ids get a content hash as id ("h" + 16 hex digits), which
// an edit changes: matched by author and words to the entry missing from the same page, the
// edit is a version of it, not a new entry beside a gone one.
TEST_F(ThreadStoreTest, AnEntryWithoutAnEngineIdIsMatchedAcrossAnEdit) {
  auto a = open_write();
  const std::string page = "http://example.com/soyuz/";
  const std::string first = "h00000000000000a1", second = "h00000000000000b2";
  auto before = thread_page({{first, "The radiator was hit by a micrometeoroid, I think."},
                             {second, "Rockets are hard and a rescue flight may be needed."}});
  ASSERT_TRUE(a->threads().store_thread_page("example.com", before, 10, page));
  // The first is edited (so its hash is another), the second is deleted, and a new one by
  // the same author with other words arrives.
  auto after = thread_page({{"h00000000000000c3", "The radiator was hit by a micrometeoroid, I think. Edit: NASA agrees."},
                            {"h00000000000000d4", "Completely different words about launch schedules."}});
  ASSERT_TRUE(a->runs().start_run("crawl", 19));
  ASSERT_TRUE(a->threads().store_thread_page("example.com", after, 20, page));
  EXPECT_EQ(*a->threads().mark_missing_gone(20, 21), 1);
  ASSERT_TRUE(a->runs().finish_run(1, 0, 0, "ok", 22));
  const auto run = a->runs().latest(1)->front();
  EXPECT_EQ(run.entries_new, 1);
  EXPECT_EQ(run.entries_edited, 1);
  auto edited = a->threads().entry(2);
  ASSERT_TRUE(edited);
  EXPECT_EQ(edited->entry.native_id, first);
  EXPECT_EQ(edited->versions, 2);
  EXPECT_NE(edited->entry.text.find("NASA agrees"), std::string::npos);
  EXPECT_FALSE(edited->gone_since);
  EXPECT_TRUE(a->threads().entry(3)->gone_since) << "the deleted one";
  EXPECT_EQ(a->threads().entry(4)->entry.native_id, "h00000000000000d4");
  // Someone else's words are never taken for an edit; an engine's own ids are left alone.
  auto other = thread_page({{"h00000000000000e5", "The radiator was hit by a micrometeoroid, I think. Edit: NASA agrees."}});
  other.comments[0].author = "Chris";
  ASSERT_TRUE(a->threads().store_thread_page("example.com", other, 30, page));
  EXPECT_EQ(a->threads().entry(5)->entry.native_id, "h00000000000000e5");
  EXPECT_EQ(a->threads().entry(2)->versions, 2);
}

TEST_F(ThreadStoreTest, AnEntryMissingFromAPageReadWholeIsGoneUntilSeenAgain) {
  auto a = open_write();
  const std::string page1 = "http://example.com/soyuz/", page2 = "http://example.com/soyuz/page-2/";
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"1", "one"}, {"2", "two"}, {"3", "three"}}), 10, page1));
  EXPECT_EQ(*a->threads().mark_missing_gone(10, 11), 0);
  // Comment 2 is deleted; comment 3 moves to the next page; a page that failed is not
  // stored at all, and one stored without its URL (not known to be whole) marks nothing.
  ASSERT_TRUE(a->runs().start_run("crawl", 19));
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"1", "one"}}), 20, page1));
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"3", "three"}}), 20, page2));
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({}), 20));
  EXPECT_EQ(*a->threads().mark_missing_gone(20, 21), 1);
  ASSERT_TRUE(a->runs().finish_run(2, 0, 0, "ok", 22));
  EXPECT_EQ(a->runs().latest(1)->front().entries_gone, 1);
  auto two = a->threads().entry(3);
  ASSERT_TRUE(two);
  EXPECT_EQ(two->entry.native_id, "2");
  EXPECT_EQ(two->gone_since, 21);
  EXPECT_EQ(two->last_seen, 10);
  EXPECT_FALSE(a->threads().entry(4)->gone_since);
  EXPECT_FALSE(a->threads().entry(2)->gone_since);
  // The index learns it: the gone entry is a change.
  std::vector<std::int64_t> changed;
  ASSERT_TRUE(a->threads().for_each_entry(0, [&](const auto& e) {
    changed.push_back(e.id);
    return fora::ok();
  }));
  EXPECT_EQ(changed.back(), 3);
  // Marking again finds nothing new; seen again, it is back.
  EXPECT_EQ(*a->threads().mark_missing_gone(20, 23), 0);
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"1", "one"}, {"2", "two"}}), 30, page1));
  EXPECT_FALSE(a->threads().entry(3)->gone_since);
  EXPECT_EQ(a->threads().entry(3)->last_seen, 30);
  EXPECT_EQ(*a->threads().mark_missing_gone(30, 31), 0);  // comment 3 was last seen on page 2
  // A page that shows the thread but none of its entries (an error page served with 200)
  // is not read whole.
  auto empty = thread_page({});
  empty.post.reset();
  ASSERT_TRUE(a->threads().store_thread_page("example.com", empty, 40, page1));
  EXPECT_EQ(*a->threads().mark_missing_gone(40, 41), 0);
}

// A deletion on page 1 moves the first comment of page 2 back to page 1. An update that
// reads page 2 alone sees it lose that comment: entries moved, and nothing is called gone
// while page 1 is not read. Once it is, the deleted comment is gone and the moved one not.
// A page that answers 404 holds up nothing.
TEST_F(ThreadStoreTest, AnEntryMovedToAnotherPageIsNotGoneBeforeEveryPageIsRead) {
  auto a = open_write();
  const std::string page1 = "http://example.com/soyuz/", page2 = "http://example.com/soyuz/page-2/",
                    page3 = "http://example.com/soyuz/page-3/";
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"1", "one"}, {"2", "two"}}), 10, page1));
  EXPECT_FALSE(*a->threads().last_page_moved_entries());
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"3", "three"}, {"4", "four"}}), 10, page2));
  EXPECT_FALSE(*a->threads().last_page_moved_entries());
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"5", "five"}}), 10, page3));

  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"4", "four"}, {"5", "five"}}), 20, page2));
  EXPECT_TRUE(*a->threads().last_page_moved_entries()) << "page 2 no longer shows 3, and shows 5 of page 3";
  ASSERT_TRUE(a->queue().set_page_state(page3, fora::archive::PageState::Fetched, "404", 20));
  EXPECT_EQ(*a->threads().mark_missing_gone(20, 21), 0) << "3 may be on page 1, not read yet";
  EXPECT_FALSE(a->threads().entry(4)->gone_since);

  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"1", "one"}, {"3", "three"}}), 30, page1));
  EXPECT_TRUE(*a->threads().last_page_moved_entries()) << "page 1 no longer shows 2";
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"4", "four"}, {"5", "five"}}), 30, page2));
  EXPECT_FALSE(*a->threads().last_page_moved_entries()) << "as when it was read last";
  ASSERT_TRUE(a->queue().set_page_state(page3, fora::archive::PageState::Fetched, "404", 30));
  EXPECT_EQ(*a->threads().mark_missing_gone(30, 31), 1);
  EXPECT_EQ(a->threads().entry(3)->gone_since, 31) << "comment 2, deleted";
  for (std::int64_t kept : {2, 4, 5, 6}) EXPECT_FALSE(a->threads().entry(kept)->gone_since) << kept;
}

// A version 3 catalog (before pages.depth) is upgraded in place on its first write-open:
// its pages keep their state, and the frontier reads them with depth 0.

}  // namespace
