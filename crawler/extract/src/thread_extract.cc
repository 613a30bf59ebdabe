#include "thread_extract.h"

#include <fmt/format.h>

#include <unordered_set>

#include "field_reader.h"
#include "date_text.h"
#include "links.h"
#include "sanitize.h"
#include "text_render.h"

namespace fora::extract {
namespace {

using NodeSet = std::unordered_set<const xmlNode*>;

// The element that carries `n` (an attribute's or text's parent).
xmlNode* element_of(xmlNode* n) {
  while (n != nullptr && n->type != XML_ELEMENT_NODE) n = n->parent;
  return n;
}

// The comment node that most closely encloses `n` (itself included), or null.
const xmlNode* enclosing_comment(xmlNode* n, const NodeSet& comments) {
  for (xmlNode* e = element_of(n); e != nullptr; e = e->parent)
    if (comments.count(e) != 0) return e;
  return nullptr;
}

// The first value of `field` that reads as a date: a theme may put a human date before the
// machine one, or words around it.
std::optional<ParsedDate> first_date(const FieldReader& reader, const Field& field,
                                     xmlNode* node, const Scope& scope, const Profile& p,
                                     const PageContext& context) {
  for (const XPathQuery& query : field.xpaths) {
    Field single{{query}, field.regex};
    if (auto value = reader.first(single, node, scope))
      if (auto t = parse_date_text(*value, context.captured_at, p.date_order)) return t;
  }
  return std::nullopt;
}

void set_date(Entry& e, const std::optional<ParsedDate>& date) {
  if (!date) return;
  e.published = date->utc;
  e.precision = date->precision;
}

std::vector<std::string> clean_list(std::vector<std::string> values) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (std::string& v : values) {
    std::string clean = normalize_line(v);
    if (!clean.empty() && seen.insert(clean).second) out.push_back(std::move(clean));
  }
  return out;
}

std::string thread_url_of(const Profile& p, const FieldReader& reader, xmlNode* context,
                          std::string_view page_url) {
  std::string url(page_url);
  if (auto declared = reader.first(p.thread_url, context))
    if (auto resolved = resolve_url(page_url, *declared)) url = *resolved;
  for (const UrlRewrite& rule : p.thread_url_rewrites)
    url = std::regex_replace(url, rule.pattern, rule.replacement);
  return url;
}

// The thread id when no XPath found one: the id regex applied to the thread's URL (many
// engines put it there: /thread/ID/, ?t=ID), else the URL itself.
std::string id_from_url(const Profile& p, const FieldReader& reader, const std::string& url) {
  if (p.thread_id.regex)
    if (auto id = reader.accept(p.thread_id, url)) return strip_controls(*id);
  return url;
}

std::optional<Entry> read_post(const Profile& p, const FieldReader& reader, xmlNode* post,
                               const ThreadPage& thread, const PageContext& context) {
  if (post == nullptr) return std::nullopt;
  Entry e;
  e.native_id = thread.thread_id;
  e.url = thread.thread_url;
  e.author = normalize_line(reader.first(p.post_author, post).value_or(""));
  set_date(e, first_date(reader, p.post_date, post, {}, p, context));
  if (xmlNode* body = reader.first_node(p.post_body, post)) {
    std::vector<xmlNode*> excluded = reader.union_nodes(p.post_exclude, body);
    NodeSet skip(excluded.begin(), excluded.end());
    e.text = render_text(body, QuoteMode::Inline,
                         [&](xmlNode* n) { return skip.count(n) != 0; })
                 .text;
  }
  return e;
}

// The quotes of a comment body: the profile's quote nodes (default <blockquote>) and who
// each names in its markup (data-author, <cite>), when the profile says where.
QuoteRules quote_rules(const Profile& p, const FieldReader& reader, xmlNode* body) {
  QuoteRules rules;
  if (!p.quote_nodes.empty()) {
    std::vector<xmlNode*> quotes = reader.union_nodes(p.quote_nodes, body);
    auto set = std::make_shared<NodeSet>(quotes.begin(), quotes.end());
    rules.is_quote = [set](xmlNode* n) { return set->count(n) != 0; };
  }
  if (!p.quote_author.empty())
    rules.author_of = [&p, &reader](xmlNode* quote) {
      return normalize_line(reader.first(p.quote_author, quote).value_or(""));
    };
  return rules;
}

Entry read_comment(const Profile& p, const FieldReader& reader, xmlNode* node,
                   const NodeSet& comments, const PageContext& context) {
  const std::string& page_url = context.url;
  // A nested reply is a descendant of this node; its fields are not ours.
  Scope own = [&](xmlNode* n) { return enclosing_comment(n, comments) == node; };
  Entry e;
  e.native_id = reader.first(p.comment_id, node, own).value_or("");
  e.author = normalize_line(reader.first(p.comment_author, node, own).value_or(""));
  set_date(e, first_date(reader, p.comment_date, node, own, p, context));
  if (auto edited = first_date(reader, p.comment_edited, node, own, p, context))
    e.edited = edited->utc;
  if (xmlNode* body = reader.first_node(p.comment_body, node, own)) {
    std::vector<xmlNode*> excluded = reader.union_nodes(p.comment_exclude, body);
    NodeSet skip(excluded.begin(), excluded.end());
    RenderedText rendered = render_text(
        body, QuoteMode::Separate,
        [&](xmlNode* n) { return skip.count(n) != 0 || (n != node && comments.count(n) != 0); },
        quote_rules(p, reader, body));
    e.text = std::move(rendered.text);
    e.quotes = std::move(rendered.quotes);
  }
  if (!p.comment_parent.empty()) {
    e.parent_id = reader.first(p.comment_parent, node).value_or("");
  } else if (const xmlNode* parent = p.flat ? nullptr : enclosing_comment(node->parent, comments)) {
    Scope parent_own = [&](xmlNode* n) { return enclosing_comment(n, comments) == parent; };
    e.parent_id = reader.first(p.comment_id, const_cast<xmlNode*>(parent), parent_own)
                      .value_or("");
  }
  e.native_id = strip_controls(e.native_id);
  e.parent_id = strip_controls(e.parent_id);
  if (e.native_id.empty()) e.native_id = content_hash(e);
  std::string anchor = p.comment_anchor;
  if (auto at = anchor.find("{id}"); at != std::string::npos) anchor.replace(at, 4, e.native_id);
  e.url = anchor.empty() ? std::string(page_url) : fmt::format("{}#{}", page_url, anchor);
  return e;
}

// Parents of comments drawn flat with an indent: the nearest earlier comment whose depth
// is smaller. A comment whose depth cannot be read starts a new top level.
class IndentParents {
 public:
  void place(Entry& e, const std::optional<std::string>& depth_text) {
    double depth = 0;
    if (depth_text) {
      try {
        depth = std::stod(*depth_text);
      } catch (const std::exception&) {
        depth = 0;
      }
    }
    while (!open_.empty() && open_.back().first >= depth) open_.pop_back();
    if (e.parent_id.empty() && !open_.empty()) e.parent_id = open_.back().second;
    open_.emplace_back(depth, e.native_id);
  }

 private:
  std::vector<std::pair<double, std::string>> open_;  // the chain of ancestors, by depth
};

bool is_later_page(const Profile& p, xmlXPathContext* ctx, const std::string& page_url) {
  for (const XPathQuery& test : p.later_page) {
    XPathObjectPtr result = test.eval(ctx, nullptr);
    if (result && xmlXPathCastToBoolean(result.get()) != 0) return true;
  }
  for (const std::regex& re : p.later_page_urls)
    if (std::regex_search(page_url, re)) return true;
  return false;
}

}  // namespace

bool is_content_id(std::string_view native_id) {
  return native_id.size() == 17 && native_id[0] == 'h' &&
         native_id.find_first_not_of("0123456789abcdef", 1) == std::string_view::npos;
}

std::uint64_t stable_hash(std::string_view bytes, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (const char ch : bytes) {
    h ^= static_cast<unsigned char>(ch);
    h *= 1099511628211ULL;
  }
  return h;
}

std::string content_hash(const Entry& e) {
  std::uint64_t h = 14695981039346656037ULL;
  auto mix = [&](std::string_view s) { h = stable_hash("\x1f", stable_hash(s, h)); };
  mix(e.author);
  mix(e.published ? std::to_string(*e.published) : "");
  mix(e.text);
  return fmt::format("h{:016x}", h);
}

std::optional<ThreadPage> extract_thread(const Profile& p, xmlXPathContext* ctx,
                                         const PageContext& context) {
  FieldReader reader(ctx);
  std::vector<xmlNode*> posts;
  if (!p.first_comment) posts = select_nodes(p.post_node, ctx, nullptr);
  std::vector<xmlNode*> comment_nodes = select_nodes(p.comment_nodes, ctx, nullptr);
  if (posts.empty() && comment_nodes.empty()) return std::nullopt;

  xmlNode* post = posts.empty() ? nullptr : posts.front();
  xmlNode* scope = post;  // thread fields: relative to the post when there is one
  ThreadPage thread;
  thread.thread_url = thread_url_of(p, reader, scope, context.url);
  thread.thread_id = strip_controls(reader.first(p.thread_id, scope).value_or(""));
  if (thread.thread_id.empty()) thread.thread_id = id_from_url(p, reader, thread.thread_url);
  thread.title = normalize_line(reader.first(p.title, scope).value_or(""));
  thread.categories = clean_list(reader.all(p.categories, scope));
  thread.tags = clean_list(reader.all(p.tags, scope));
  thread.post = read_post(p, reader, post, thread, context);

  NodeSet comments(comment_nodes.begin(), comment_nodes.end());
  IndentParents indent;  // used by profiles with [comment] depth
  for (xmlNode* node : comment_nodes) {
    Entry e = read_comment(p, reader, node, comments, context);
    if (!p.comment_depth.empty()) indent.place(e, reader.first(p.comment_depth, node));
    // A node with neither an author nor words is page furniture that happens to match, not
    // an entry (an image-only reply still has its author).
    if (!e.author.empty() || !e.text.empty() || !e.quotes.empty())
      thread.comments.push_back(std::move(e));
  }
  if (p.first_comment && !thread.comments.empty() && !is_later_page(p, ctx, context.url)) {
    thread.post = std::move(thread.comments.front());
    thread.comments.erase(thread.comments.begin());
  }
  return thread;
}

void override_thread_fields(const Profile& p, xmlXPathContext* ctx, const PageContext& context,
                            ThreadPage& thread) {
  FieldReader reader(ctx);
  if (!p.thread_url.empty() || !p.thread_url_rewrites.empty()) {
    const std::string old_url = thread.thread_url;
    thread.thread_url = thread_url_of(p, reader, nullptr, context.url);
    if (thread.thread_id == old_url) thread.thread_id = thread.thread_url;
    if (thread.post && thread.post->native_id == old_url) thread.post->native_id = thread.thread_id;
  }
  if (auto id = reader.first(p.thread_id, nullptr)) {
    const std::string old_id = thread.thread_id;
    thread.thread_id = strip_controls(*id);
    if (thread.post && thread.post->native_id == old_id) thread.post->native_id = thread.thread_id;
  }
  if (auto title = reader.first(p.title, nullptr)) thread.title = normalize_line(*title);
  if (auto categories = clean_list(reader.all(p.categories, nullptr)); !categories.empty())
    thread.categories = std::move(categories);
  if (auto tags = clean_list(reader.all(p.tags, nullptr)); !tags.empty()) thread.tags = std::move(tags);
}

}  // namespace fora::extract
