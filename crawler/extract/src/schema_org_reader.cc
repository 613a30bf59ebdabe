#include "schema_org_reader.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <string_view>

#include "date_text.h"
#include "html_document.h"
#include "links.h"
#include "sanitize.h"
#include "text_render.h"
#include "thread_extract.h"
#include "tree_walk.h"
#include "xpath/xpath_query.h"


namespace fora::extract {
namespace {

using json = nlohmann::json;

// One post, comment or answer as the structured data describes it.
struct Item {
  std::string type;
  std::string id, author, title, url, text;
  std::vector<Quote> quotes;
  std::optional<ParsedDate> date;
  std::vector<Item> replies;  // comments and answers nested in this item
};

// Types that hold a discussion, and types that are one entry of it.
constexpr std::array<std::string_view, 5> kThreadTypes = {
    "DiscussionForumPosting", "SocialMediaPosting", "Question", "BlogPosting", "Article"};
constexpr std::array<std::string_view, 3> kReplyTypes = {"Comment", "Answer",
                                                         "DiscussionForumPosting"};

// "http://schema.org/Comment", "https://schema.org/Comment", "Comment" -> "Comment"
std::string short_type(std::string_view type) {
  if (auto slash = type.rfind('/'); slash != std::string_view::npos) type.remove_prefix(slash + 1);
  return std::string(type);
}

template <std::size_t N>
bool is_one_of(const std::string& type, const std::array<std::string_view, N>& types) {
  for (std::string_view t : types)
    if (type == t) return true;
  return false;
}

// ---- JSON-LD --------------------------------------------------------------------------

// JSON-LD text often carries HTML markup or entities ("&hellip;", "<p>"): read it as an
// HTML fragment when it looks like one.
std::string json_body_text(const std::string& text, std::vector<Quote>& quotes) {
  if (text.find_first_of("<&") == std::string::npos) return normalize_paragraphs(text);
  auto doc = parse_utf8_html("<html><body><div>" + text + "</div></body></html>", "");
  xmlNode* root = doc ? xmlDocGetRootElement(doc->get()) : nullptr;
  if (root == nullptr) return normalize_paragraphs(text);
  RenderedText rendered = render_text(root, QuoteMode::Separate);
  quotes = std::move(rendered.quotes);
  return rendered.text;
}

std::string json_text(const json& value) {
  const json* v = &value;
  while (v->is_array() && !v->empty()) v = &v->front();  // a list stands for its first value
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number_integer()) return std::to_string(v->get<long long>());
  if (v->is_object()) {
    for (const char* key : {"name", "@value", "url", "@id"})
      if (v->contains(key) && (*v)[key].is_string()) return (*v)[key].get<std::string>();
  }
  return {};
}

std::string json_type(const json& v) {
  if (!v.is_object() || !v.contains("@type")) return {};
  return short_type(json_text(v["@type"]));
}

Item item_from_json(const json& v, const PageContext& context, int depth);

void add_json_replies(Item& item, const json& v, const char* key, const PageContext& context,
                      int depth) {
  if (!v.contains(key)) return;
  const json& replies = v[key];
  auto add = [&](const json& r) {
    if (r.is_object()) item.replies.push_back(item_from_json(r, context, depth + 1));
  };
  if (replies.is_array())
    for (const json& r : replies) add(r);
  else
    add(replies);
}

Item item_from_json(const json& v, const PageContext& context, int depth) {
  Item item;
  item.type = json_type(v);
  for (const char* key : {"identifier", "@id", "url"})
    if (v.contains(key) && item.id.empty()) item.id = json_text(v[key]);
  for (const char* key : {"url", "mainEntityOfPage"})
    if (v.contains(key) && item.url.empty()) item.url = json_text(v[key]);
  if (v.contains("author")) item.author = normalize_line(json_text(v["author"]));
  for (const char* key : {"headline", "name"})
    if (v.contains(key) && item.title.empty()) item.title = normalize_line(json_text(v[key]));
  for (const char* key : {"datePublished", "dateCreated", "uploadDate"})
    if (v.contains(key) && !item.date) item.date = parse_date_text(json_text(v[key]), context.captured_at);
  for (const char* key : {"text", "articleBody", "description"})
    if (v.contains(key) && item.text.empty()) item.text = json_body_text(json_text(v[key]), item.quotes);
  if (depth < 50) {
    add_json_replies(item, v, "comment", context, depth);
    add_json_replies(item, v, "acceptedAnswer", context, depth);
    add_json_replies(item, v, "suggestedAnswer", context, depth);
  }
  return item;
}

// Every JSON-LD object of a thread type on the page, QAPage's mainEntity and @graph included.
void collect_json(const json& v, std::vector<const json*>& out, int depth) {
  if (depth > 20) return;
  if (v.is_array()) {
    for (const json& e : v) collect_json(e, out, depth + 1);
    return;
  }
  if (!v.is_object()) return;
  if (v.contains("@graph")) collect_json(v["@graph"], out, depth + 1);
  const std::string type = json_type(v);
  if (type == "QAPage" && v.contains("mainEntity")) collect_json(v["mainEntity"], out, depth + 1);
  else if (is_one_of(type, kThreadTypes)) out.push_back(&v);
}

std::vector<Item> json_ld_items(xmlXPathContext* ctx, const PageContext& context) {
  static const Result<XPathQuery> kScripts =
      XPathQuery::compile("//script[@type='application/ld+json']");
  std::vector<Item> items;
  if (!kScripts) return items;
  for (const std::string& source : eval_strings(*kScripts, ctx, nullptr)) {
    if (source.size() > (8u << 20)) continue;
    const json doc = json::parse(source, nullptr, false);
    if (doc.is_discarded()) continue;
    std::vector<const json*> found;
    collect_json(doc, found, 0);
    for (const json* v : found) items.push_back(item_from_json(*v, context, 0));
  }
  return items;
}

// ---- microdata --------------------------------------------------------------------------

std::string attr(const xmlNode* n, const char* name) {
  XmlCharPtr value(xmlGetProp(n, reinterpret_cast<const xmlChar*>(name)));
  return value ? std::string(reinterpret_cast<const char*>(value.get())) : std::string();
}

bool has_attr(const xmlNode* n, const char* name) {
  return xmlHasProp(n, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

bool name_is(const xmlNode* n, const char* name) {
  return xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

// The properties of the item `scope`: descendants with itemprop whose nearest item is
// `scope` (a nested itemscope is a property of its own, never searched into).
void collect_props(xmlNode* scope, std::vector<std::pair<std::string, xmlNode*>>& out) {
  walk_tree(scope, [&](xmlNode* child) {
    if (child->type != XML_ELEMENT_NODE) return Walk::Over;
    if (has_attr(child, "itemprop"))
      for (std::string name : {attr(child, "itemprop")}) {
        std::size_t start = 0;
        while (start < name.size()) {  // itemprop may list several names
          std::size_t end = name.find(' ', start);
          if (end == std::string::npos) end = name.size();
          if (end > start) out.emplace_back(name.substr(start, end - start), child);
          start = end + 1;
        }
      }
    return has_attr(child, "itemscope") ? Walk::Over : Walk::Into;
  });
}

// A property's value as the microdata spec reads it.
std::string prop_value(xmlNode* n) {
  if (has_attr(n, "content")) return attr(n, "content");
  if (name_is(n, "time") && has_attr(n, "datetime")) return attr(n, "datetime");
  if (name_is(n, "a") || name_is(n, "link")) return attr(n, "href");
  if (name_is(n, "img")) return attr(n, "src");
  return node_string(n);
}

Item item_from_microdata(xmlNode* scope, const PageContext& context, int depth) {
  Item item;
  item.type = short_type(attr(scope, "itemtype"));
  item.id = attr(scope, "id");
  std::vector<std::pair<std::string, xmlNode*>> props;
  collect_props(scope, props);
  for (auto& [name, node] : props) {
    if (name == "author" && item.author.empty()) {
      std::string author;
      if (has_attr(node, "itemscope")) {
        std::vector<std::pair<std::string, xmlNode*>> person;
        collect_props(node, person);
        for (auto& [pname, pnode] : person)
          if (pname == "name") author = prop_value(pnode);
      }
      if (author.empty()) author = node_string(node);
      item.author = normalize_line(author);
    } else if ((name == "datePublished" || name == "dateCreated") && !item.date) {
      item.date = parse_date_text(prop_value(node), context.captured_at);
    } else if ((name == "text" || name == "articleBody") && item.text.empty()) {
      RenderedText rendered = render_text(node, QuoteMode::Separate);
      item.text = std::move(rendered.text);
      item.quotes = std::move(rendered.quotes);
    } else if ((name == "headline" || name == "name") && item.title.empty()) {
      item.title = normalize_line(prop_value(node));
    } else if ((name == "url" || name == "mainEntityOfPage") && item.url.empty()) {
      item.url = prop_value(node);
    } else if ((name == "comment" || name == "suggestedAnswer" || name == "acceptedAnswer") &&
               has_attr(node, "itemscope") && depth < 50) {
      item.replies.push_back(item_from_microdata(node, context, depth + 1));
    }
  }
  return item;
}

// Whether an itemtype is of a discussion or an entry of one: what is inside it is its own.
bool holds_entries(const std::string& itemtype) {
  for (const char* part : {"Posting", "schema.org/Question", "schema.org/Article", "schema.org/Comment",
                           "schema.org/Answer"})
    if (itemtype.find(part) != std::string::npos) return true;
  return false;
}

// Top-level items of a thread or reply type: not a property of another such item. One walk
// that does not enter such an item (an XPath of ancestors costs depth times elements).
std::vector<Item> microdata_items(xmlDoc* doc, const PageContext& context) {
  std::vector<Item> items;
  walk_tree(reinterpret_cast<xmlNode*>(doc), [&](xmlNode* n) {
    if (n->type != XML_ELEMENT_NODE) return Walk::Over;
    if (!has_attr(n, "itemscope")) return Walk::Into;
    const std::string itemtype = attr(n, "itemtype");
    if (itemtype.find("schema.org/") == std::string::npos) return Walk::Into;
    const std::string type = short_type(itemtype);
    if (is_one_of(type, kThreadTypes) || type == "Comment" || type == "Answer")
      items.push_back(item_from_microdata(n, context, 0));
    return holds_entries(itemtype) ? Walk::Over : Walk::Into;
  });
  return items;
}

// ---- the thread ---------------------------------------------------------------------

// The item's own id; an id that is the page's URL with a fragment names the entry by its
// fragment. Empty when the item has none of its own.
std::string own_id(const Item& item, std::string_view page_url) {
  std::string id = item.id;
  if (auto hash = id.find('#'); hash != std::string::npos) id = id.substr(hash + 1);
  if (id.size() > 200 || id == page_url) return {};
  return strip_controls(id);
}

Entry entry_of(const Item& item, const PageContext& context, const std::string& parent) {
  Entry e;
  e.author = item.author;
  if (item.date) {
    e.published = item.date->utc;
    e.precision = item.date->precision;
  }
  e.parent_id = parent;
  e.text = item.text;
  e.quotes = item.quotes;
  e.url = context.url;
  e.native_id = own_id(item, context.url);
  if (e.native_id.empty()) e.native_id = content_hash(e);
  return e;
}

void add_replies(const Item& item, const std::string& parent_id, const PageContext& context,
                 ThreadPage& thread, int depth) {
  for (const Item& reply : item.replies) {
    Entry e = entry_of(reply, context, parent_id);
    const std::string id = e.native_id;
    if (!e.text.empty() || !e.quotes.empty()) thread.comments.push_back(std::move(e));
    if (depth < 50) add_replies(reply, id, context, thread, depth + 1);
  }
}

// The page's own address and title, for threads whose data names neither.
struct PageFacts {
  std::string canonical;
  std::string title;
};

PageFacts page_facts(xmlXPathContext* ctx) {
  static const Result<XPathQuery> kCanonical = XPathQuery::compile(
      "(//link[@rel='canonical']/@href | //meta[@property='og:url']/@content)[1]");
  static const Result<XPathQuery> kTitle =
      XPathQuery::compile("(//meta[@property='og:title']/@content | //title)[1]");
  PageFacts facts;
  if (kCanonical)
    for (std::string& v : eval_strings(*kCanonical, ctx, nullptr)) facts.canonical = v;
  if (kTitle)
    for (std::string& v : eval_strings(*kTitle, ctx, nullptr)) facts.title = normalize_line(v);
  return facts;
}

std::optional<ThreadPage> thread_of(const std::vector<Item>& items, const PageContext& context,
                                    const PageFacts& facts) {
  auto first = std::find_if(items.begin(), items.end(),
                            [](const Item& i) { return is_one_of(i.type, kThreadTypes); });
  const bool has_replies = std::any_of(items.begin(), items.end(), [](const Item& i) {
    return i.type == "Comment" || i.type == "Answer";
  });
  if (first == items.end() && !has_replies) return std::nullopt;
  // A blog post or article is a discussion only when it carries comments.
  if (first != items.end() && (first->type == "BlogPosting" || first->type == "Article") &&
      first->replies.empty() && items.size() == 1)
    return std::nullopt;
  ThreadPage thread;
  thread.title = first != items.end() && !first->title.empty() ? first->title : facts.title;
  std::string url = first != items.end() ? first->url : std::string();
  if (url.empty()) url = facts.canonical;
  thread.thread_url = resolve_url(context.url, url).value_or(context.url);
  thread.thread_id = thread.thread_url;
  if (first != items.end()) {
    Entry post = entry_of(*first, context, "");
    post.native_id = thread.thread_id;
    thread.post = std::move(post);
    add_replies(*first, "", context, thread, 0);
  }
  // Items after the first (one DiscussionForumPosting per post, as older Discourse prints
  // them; Comment items of a page whose post has no data) are replies to the thread.
  for (auto it = items.begin(); it != items.end(); ++it) {
    if (it == first || !is_one_of(it->type, kReplyTypes)) continue;
    Entry e = entry_of(*it, context, "");
    const std::string id = e.native_id;
    if (!e.text.empty() || !e.quotes.empty()) thread.comments.push_back(std::move(e));
    add_replies(*it, id, context, thread, 0);
  }
  return thread;
}

// The richer reading of the two encodings: a page may carry a JSON-LD summary of the first
// post and microdata for every post.
struct Found {
  std::optional<ThreadPage> thread;
  const char* source = "";
};

Found find_thread(const HtmlDocument& page, const PageContext& context) {
  const PageFacts facts = page_facts(page.xpath);
  Found json_ld{thread_of(json_ld_items(page.xpath, context), context, facts), "JSON-LD"};
  Found microdata{thread_of(microdata_items(page.doc, context), context, facts), "microdata"};
  auto size = [](const Found& f) {
    return f.thread ? static_cast<long>(f.thread->comments.size()) + (f.thread->post ? 1 : 0) : -1;
  };
  return size(microdata) > size(json_ld) ? microdata : json_ld;
}

class SchemaOrgReader : public Reader {
 public:
  std::string name() const override { return "schema.org"; }

  std::optional<Reading> read(const HtmlDocument& page,
                              const PageContext& context) const override {
    Found found = find_thread(page, context);
    if (!found.thread) return std::nullopt;
    Reading reading;
    reading.why = fmt::format("{} describes a discussion ({} post, {} replies)", found.source,
                              found.thread->post ? 1 : 0, found.thread->comments.size());
    reading.thread = std::move(found.thread);
    return reading;
  }
};

}  // namespace

std::unique_ptr<Reader> make_schema_org_reader() { return std::make_unique<SchemaOrgReader>(); }

}  // namespace fora::extract
