// SimpleXPath over a NodeIndex must select exactly what libxml2 selects. Held on tricky
// hand-made markup, then on every path of every profile over every real page of the
// fixtures, from the document and from each post and comment node a profile finds.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "html_document.h"
#include "xpath/node_index.h"
#include "profile.h"
#include "xpath/xpath_query.h"

namespace fora::extract {
namespace {

// The nodes `source` selects from `context` with each engine; both must be node sets.
struct Both {
  std::vector<xmlNode*> fast, reference;
  bool indexed = false;
};

std::vector<xmlNode*> node_list(const XPathObjectPtr& result) {
  std::vector<xmlNode*> out;
  if (!result || result->type != XPATH_NODESET || result->nodesetval == nullptr) return out;
  out.assign(result->nodesetval->nodeTab, result->nodesetval->nodeTab + result->nodesetval->nodeNr);
  return out;
}

Both both(const std::string& source, xmlXPathContext* ctx, xmlNode* context) {
  auto fast = XPathQuery::compile(source);
  auto reference = XPathQuery::compile(source, XPathQuery::Engine::Libxml2);
  EXPECT_TRUE(fast && reference) << source;
  if (!fast || !reference) return {};
  return {node_list(fast->eval(ctx, context)), node_list(reference->eval(ctx, context)),
          fast->indexed()};
}

constexpr const char* kPage =
    "<!DOCTYPE html><html><head><meta name='Generator' content='WordPress 6'>"
    "<link rel='canonical' href='/t/1'></head>"
    "<body class=' single  postid-1 '>"
    "<article id='post-1' class='post type-post'><h1 class='entry-title'>T</h1>"
    "<div class='entry-content'><p>x <a href='/a' rel=' tag '>a</a></p>"
    "<blockquote class='quote'><blockquote class='quote'>in</blockquote></blockquote></div>"
    "</article>"
    "<ol><li id='comment-1' class='comment depth-1'><div class='comment-author vcard'>"
    "<b class='fn'>A</b></div><time datetime='2020-01-01'>d</time>"
    "<div class='comment-content'>hi &amp; bye</div>"
    "<ol class='children'><li id='comment-2' class='comment\tdepth-2'>"
    "<b class='fn'>B</b><div class='comment-content' title='a&amp;b'>re</div></li></ol></li>"
    "<li id='li-comment-3' class='pingback'><a href='/p'>p</a></li>"
    "<div id='comment-4' class='comment' data-x=''><span class='fn'>C</span></div></ol>"
    "<div class='nav'><a href='/t/1/comment-page-2/'>next</a><a>no href</a></div>"
    "</body></html>";

TEST(SimpleXPath, SelectsWhatLibxml2Selects) {
  auto doc = parse_html(kPage, "http://example.com/t/1", "text/html");
  ASSERT_TRUE(doc);
  XPathContextPtr ctx = new_quiet_context(doc->get());
  const std::vector<std::string> paths = {
      "//*[self::li or self::div][has-token(@class,'comment')][starts-with(@id,'comment-') or starts-with(@id,'li-comment-')]",
      "//*[contains(concat(' ',normalize-space(@class),' '),' comment ')]/@id",
      "//body[has-token(@class,'single')]//article[has-token(@class,'type-post')]",
      "//article[starts-with(@id,'post-')][count(//article[starts-with(@id,'post-')])=1][not(//body[has-token(@class,'archive')])]",
      "//meta[translate(@name,'GENRATO','genrato')='generator']/@content",
      "//a/@href | //link[@rel='canonical']/@href | //li/@id",
      "//a[normalize-space(@rel)='tag'][not(ancestor::*[has-token(@class,'taxonomy-category')])]",
      "//blockquote[not(ancestor::blockquote)]",
      "//blockquote[ancestor::blockquote]",
      "//li[.//b[has-token(@class,'fn')]]/@id",
      "//ol/li[@id]",
      "/html/body/ol/li/..",
      "//li/../../@class",
      "//*[@data-x]",
      "//*[@data-x='']",
      "//*[normalize-space(@data-x)='']/@id",
      "//div[contains(@title,'&')]",
      "//div[@title='a&b']",
      "//*[has-token(@class,'no-such-word')]",
      "//nosuchtag",
      "//body/@class",
      "//html/..",
      "//li[count(.//li)>0]/@id",
      "//li[count(.//li)<1]/@id",
      "//a[contains(@href,'/comment-page-')]/@href",
      "//*[has-token(@class,'nav')]//a/@href",
  };
  for (const std::string& p : paths) {
    Both b = both(p, ctx.get(), nullptr);
    EXPECT_TRUE(b.indexed) << "outside the subset: " << p;
    EXPECT_EQ(b.fast, b.reference) << p;
  }
  // Relative paths from each comment, the deepest first.
  auto comments = both("//li[@id] | //div[@id]", ctx.get(), nullptr).reference;
  ASSERT_EQ(comments.size(), 4u);
  const std::vector<std::string> relative = {
      ".//*[has-token(@class,'fn')]", ".//time/@datetime", "@id", ".//*[@datetime]/@datetime",
      "./div", "*", "..", "ancestor::li/@id", "self::li", ".//b | .//div", "../../@class",
  };
  for (xmlNode* c : comments)
    for (const std::string& p : relative) {
      Both b = both(p, ctx.get(), c);
      EXPECT_TRUE(b.indexed) << "outside the subset: " << p;
      EXPECT_EQ(b.fast, b.reference) << p << " from " << reinterpret_cast<const char*>(c->name);
    }
}

TEST(SimpleXPath, LeavesTheRestToLibxml2) {
  for (const char* p : {"(//base[@href])[1]/@href", "//li[1]", "//li[last()]", "//p/text()",
                        "//script[contains(.,'x')]", "string(//title)", "//a[@href!='x']",
                        "//*[@xml:lang]", "//a/following-sibling::a", "count(//a)",
                        "//a[@href=//link/@href]", "//a[. = 'x']", "//li[@id][position()=2]"}) {
    auto q = XPathQuery::compile(p);
    ASSERT_TRUE(q) << p;
    EXPECT_FALSE(q->indexed()) << p;
  }
}

TEST(SimpleXPath, AnyContextThatIsNotAnElementGoesToLibxml2) {
  auto doc = parse_html(kPage, "http://example.com/t/1", "text/html");
  ASSERT_TRUE(doc);
  XPathContextPtr ctx = new_quiet_context(doc->get());
  auto attrs = both("//li/@id", ctx.get(), nullptr).reference;
  ASSERT_FALSE(attrs.empty());
  Both b = both("..", ctx.get(), attrs.front());
  EXPECT_EQ(b.fast, b.reference);
  ASSERT_EQ(b.reference.size(), 1u);
}

// ---- Every profile path on every real page ---------------------------------------------

const std::filesystem::path kFixtures = FORA_FIXTURES_DIR;

std::vector<const XPathQuery*> queries_of(const Profile& p) {
  std::vector<const XPathQuery*> out;
  auto add = [&](const std::vector<XPathQuery>& qs) {
    for (const XPathQuery& q : qs) out.push_back(&q);
  };
  for (const Field* f : {&p.thread_id, &p.thread_url, &p.title, &p.categories, &p.tags,
                         &p.next_page, &p.post_author, &p.post_date, &p.post_body,
                         &p.comment_id, &p.comment_author, &p.comment_date, &p.comment_body,
                         &p.comment_parent, &p.comment_depth, &p.comment_edited, &p.quote_author})
    add(f->xpaths);
  for (const auto* qs : {&p.markers, &p.later_page, &p.post_node, &p.post_exclude,
                         &p.comment_nodes, &p.comment_exclude, &p.quote_nodes})
    add(*qs);
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(SimpleXPath, EveryProfilePathOnEveryRealPage) {
  if (!std::filesystem::is_directory(kFixtures))
    GTEST_SKIP() << "fixture folder absent: " << kFixtures.string()
                 << " (real pages are not shipped with fora)";
  std::vector<Profile> profiles;
  for (const auto& entry : std::filesystem::directory_iterator(FORA_SOURCE_DIR "/data/profiles"))
    if (entry.path().extension() == ".toml") {
      auto p = load_profile(entry.path());
      ASSERT_TRUE(p) << p.error().message;
      profiles.push_back(std::move(*p));
    }
  std::size_t pages = 0, compared = 0, paths = 0, indexed = 0;
  for (const auto& profile : profiles)
    for (const XPathQuery* q : queries_of(profile)) {
      ++paths;
      indexed += q->indexed() ? 1 : 0;
    }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kFixtures)) {
    const auto ext = entry.path().extension();
    if (ext != ".html" && ext != ".htm") continue;
    auto doc = parse_html(read_file(entry.path()), "http://example.com/", "text/html");
    if (!doc) continue;
    ++pages;
    XPathContextPtr ctx = new_quiet_context(doc->get());
    for (const Profile& profile : profiles) {
      // Contexts: the document, then up to 40 post and comment nodes of this profile.
      std::vector<xmlNode*> contexts = {nullptr};
      for (const auto* qs : {&profile.post_node, &profile.comment_nodes})
        for (const XPathQuery& q : *qs) {
          auto reference = XPathQuery::compile(q.source(), XPathQuery::Engine::Libxml2);
          ASSERT_TRUE(reference);
          for (xmlNode* n : node_list(reference->eval(ctx.get(), nullptr)))
            if (contexts.size() < 41) contexts.push_back(n);
        }
      for (const XPathQuery* q : queries_of(profile)) {
        if (!q->indexed()) continue;
        auto reference = XPathQuery::compile(q->source(), XPathQuery::Engine::Libxml2);
        ASSERT_TRUE(reference);
        for (xmlNode* c : contexts) {
          ++compared;
          ASSERT_EQ(node_list(q->eval(ctx.get(), c)), node_list(reference->eval(ctx.get(), c)))
              << q->source() << "\non " << entry.path().string() << " (profile " << profile.name
              << ") from " << (c != nullptr ? reinterpret_cast<const char*>(c->name) : "the document");
        }
      }
    }
  }
  EXPECT_GT(pages, 19u);
  EXPECT_GT(indexed * 10, paths * 8) << indexed << " of " << paths << " profile paths indexed";
  std::cout << pages << " pages, " << indexed << " of " << paths << " profile paths indexed, "
            << compared << " evaluations equal to libxml2's\n";
}

}  // namespace
}  // namespace fora::extract
