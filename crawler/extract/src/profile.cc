#include "profile.h"

#include <toml++/toml.h>

#include <boost/algorithm/string/case_conv.hpp>
#include <fmt/format.h>

namespace fora::extract {
namespace {

// Profiles test classes all the time; XPath 1.0 spells that
// contains(concat(' ',normalize-space(@class),' '),' name '). A profile may write it
// @class~'name' instead.
std::string expand_class_tests(const std::string& xpath) {
  static const std::regex kClassTest(R"(@class~'([^' ]+)')");
  return std::regex_replace(xpath, kClassTest,
                            "contains(concat(' ',normalize-space(@class),' '),' $1 ')");
}

// Loading context: the file name, and the line of the key when the file has it, go into
// every error message.
struct Reader {
  std::string file;
  const toml::table* root = nullptr;

  Error error(std::string_view key, std::string_view what) const {
    std::string where = file;
    if (root != nullptr)
      if (toml::node_view<const toml::node> node = root->at_path(key); node && node.node()->source().begin.line > 0)
        where += fmt::format(":{}", node.node()->source().begin.line);
    return make_error(Errc::InvalidArgument, fmt::format("{}: key '{}': {}", where, key, what),
                      "fix the profile (see data/profiles/README.md)");
  }

  // A key holding one string or an array of strings.
  Result<std::vector<std::string>> strings(const toml::table& table, std::string_view section,
                                           std::string_view key) const {
    std::string name = fmt::format("{}.{}", section, key);
    std::vector<std::string> out;
    const toml::node* node = table.get(key);
    if (node == nullptr) return out;
    if (auto s = node->value<std::string>()) {
      out.push_back(*s);
      return out;
    }
    const toml::array* array = node->as_array();
    if (array == nullptr) return error(name, "expected a string or an array of strings");
    for (const toml::node& item : *array) {
      auto s = item.value<std::string>();
      if (!s) return error(name, "expected only strings in the array");
      out.push_back(*s);
    }
    return out;
  }

  Result<std::vector<XPathQuery>> xpaths(const toml::table& table, std::string_view section,
                                         std::string_view key) const {
    auto sources = strings(table, section, key);
    if (!sources) return sources.error();
    std::vector<XPathQuery> out;
    for (const std::string& source : *sources) {
      auto query = XPathQuery::compile(expand_class_tests(source));
      if (!query) return error(fmt::format("{}.{}", section, key), query.error().message);
      out.push_back(std::move(*query));
    }
    return out;
  }

  Result<std::optional<std::regex>> regex(const toml::table& table, std::string_view section,
                                          std::string_view key) const {
    auto source = table[key].value<std::string>();
    if (!source) return std::optional<std::regex>();
    try {
      return std::optional<std::regex>(std::regex(*source, std::regex::ECMAScript));
    } catch (const std::regex_error& e) {
      return error(fmt::format("{}.{}", section, key), fmt::format("bad regex: {}", e.what()));
    }
  }

  // A key holding regexes (one string or an array), appended to `out`.
  Status regexes(const toml::table& table, std::string_view section, std::string_view key,
                 std::vector<std::regex>& out) const {
    auto sources = strings(table, section, key);
    if (!sources) return sources.error();
    for (const std::string& source : *sources) {
      try {
        out.emplace_back(source, std::regex::ECMAScript);
      } catch (const std::regex_error& e) {
        return error(fmt::format("{}.{}", section, key), fmt::format("bad regex: {}", e.what()));
      }
    }
    return ok();
  }

  // `key` (xpaths) with its optional `key_regex`.
  Result<Field> field(const toml::table& table, std::string_view section,
                      std::string_view key) const {
    Field f;
    auto queries = xpaths(table, section, key);
    if (!queries) return queries.error();
    f.xpaths = std::move(*queries);
    auto re = regex(table, section, fmt::format("{}_regex", key));
    if (!re) return re.error();
    f.regex = std::move(*re);
    return f;
  }
};

const toml::table& section_of(const toml::table& root, std::string_view name) {
  static const toml::table kEmpty;
  const toml::table* t = root[name].as_table();
  return t != nullptr ? *t : kEmpty;
}

Status read_match(const Reader& r, const toml::table& root, Profile& p) {
  const toml::table& t = section_of(root, "match");
  auto generator = r.regex(t, "match", "generator");
  if (!generator) return generator.error();
  p.generator = std::move(*generator);
  auto body_class = r.regex(t, "match", "body_class");
  if (!body_class) return body_class.error();
  p.body_class = std::move(*body_class);
  auto markers = r.xpaths(t, "match", "markers");
  if (!markers) return markers.error();
  p.markers = std::move(*markers);
  FORA_TRY(r.regexes(t, "match", "urls", p.urls));
  for (std::string_view key : {"generator", "body_class", "markers", "urls"}) {
    auto sources = r.strings(t, "match", key);
    if (!sources) return sources.error();
    for (const std::string& source : *sources) p.match_rules.push_back(fmt::format("{} {}", key, source));
  }
  return ok();
}

// Reads `section.url_rewrite`, an array of { pattern, replace } tables, into `out`.
Status read_rewrites(const Reader& r, const toml::table& t, std::string_view section,
                     std::vector<UrlRewrite>& out) {
  const std::string key = fmt::format("{}.url_rewrite", section);
  const toml::array* rewrites = t["url_rewrite"].as_array();
  if (rewrites == nullptr) return ok();
  for (const toml::node& item : *rewrites) {
    const toml::table* rule = item.as_table();
    auto pattern = rule ? (*rule)["pattern"].value<std::string>() : std::nullopt;
    if (!pattern) return r.error(key, "each rule needs a 'pattern' string");
    try {
      out.push_back({std::regex(*pattern, std::regex::ECMAScript), (*rule)["replace"].value_or(std::string())});
    } catch (const std::regex_error& e) {
      return r.error(key, fmt::format("bad regex: {}", e.what()));
    }
  }
  return ok();
}

// Reads `section.key` into `out`, returning early from the caller on error.
#define FORA_READ_FIELD(out, table, section, key) \
  do {                                            \
    auto f_ = r.field(table, section, key);       \
    if (!f_) return f_.error();                   \
    out = std::move(*f_);                         \
  } while (0)
#define FORA_READ_XPATHS(out, table, section, key) \
  do {                                             \
    auto x_ = r.xpaths(table, section, key);       \
    if (!x_) return x_.error();                    \
    out = std::move(*x_);                          \
  } while (0)

Status read_thread(const Reader& r, const toml::table& root, Profile& p) {
  const toml::table& t = section_of(root, "thread");
  FORA_READ_FIELD(p.thread_id, t, "thread", "id");
  FORA_READ_FIELD(p.thread_url, t, "thread", "url");
  FORA_READ_FIELD(p.title, t, "thread", "title");
  FORA_READ_FIELD(p.categories, t, "thread", "categories");
  FORA_READ_FIELD(p.tags, t, "thread", "tags");
  FORA_READ_FIELD(p.next_page, t, "thread", "next_page");
  FORA_READ_XPATHS(p.later_page, t, "thread", "later_page");
  FORA_TRY(r.regexes(t, "thread", "later_page_urls", p.later_page_urls));
  return read_rewrites(r, t, "thread", p.thread_url_rewrites);
}

Status read_post(const Reader& r, const toml::table& root, Profile& p) {
  const toml::table& t = section_of(root, "post");
  if (const toml::node* first = t.get("first_comment")) {
    auto value = first->value<bool>();
    if (!value) return r.error("post.first_comment", "expected true or false");
    p.first_comment = *value;
  }
  FORA_READ_XPATHS(p.post_node, t, "post", "node");
  FORA_READ_FIELD(p.post_author, t, "post", "author");
  FORA_READ_FIELD(p.post_date, t, "post", "date");
  FORA_READ_FIELD(p.post_body, t, "post", "body");
  FORA_READ_XPATHS(p.post_exclude, t, "post", "exclude");
  return ok();
}

Status read_comment(const Reader& r, const toml::table& root, Profile& p) {
  const toml::table& t = section_of(root, "comment");
  FORA_READ_XPATHS(p.comment_nodes, t, "comment", "nodes");
  FORA_READ_FIELD(p.comment_id, t, "comment", "id");
  FORA_READ_FIELD(p.comment_author, t, "comment", "author");
  FORA_READ_FIELD(p.comment_date, t, "comment", "date");
  FORA_READ_FIELD(p.comment_body, t, "comment", "body");
  FORA_READ_FIELD(p.comment_parent, t, "comment", "parent");
  FORA_READ_XPATHS(p.comment_exclude, t, "comment", "exclude");
  FORA_READ_FIELD(p.comment_edited, t, "comment", "edited");
  FORA_READ_FIELD(p.comment_depth, t, "comment", "depth");
  FORA_READ_XPATHS(p.quote_nodes, t, "comment", "quotes");
  FORA_READ_FIELD(p.quote_author, t, "comment", "quote_author");
  p.comment_anchor = t["anchor"].value_or(p.comment_anchor);
  if (const toml::node* flat = t.get("flat")) {
    auto value = flat->value<bool>();
    if (!value) return r.error("comment.flat", "expected true or false");
    p.flat = *value;
  }
  return ok();
}

Status read_crawl(const Reader& r, const toml::table& root, Profile& p) {
  const toml::table& t = section_of(root, "crawl");
  FORA_TRY(r.regexes(t, "crawl", "follow", p.crawl.follow));
  FORA_TRY(r.regexes(t, "crawl", "skip", p.crawl.skip));
  auto strip = r.strings(t, "crawl", "strip_params");
  if (!strip) return strip.error();
  for (std::string name : *strip) p.crawl.strip_params.push_back(boost::algorithm::to_lower_copy(name));
  auto feeds = r.strings(t, "crawl", "feeds");
  if (!feeds) return feeds.error();
  p.crawl.feeds = std::move(*feeds);
  FORA_READ_FIELD(p.crawl.feed_links, t, "crawl", "feed_links");
  FORA_READ_FIELD(p.crawl.thread_feed, t, "crawl", "thread_feed");
  return read_rewrites(r, t, "crawl", p.crawl.url_rewrites);
}

#undef FORA_READ_FIELD
#undef FORA_READ_XPATHS

}  // namespace

Result<Profile> load_profile(const std::filesystem::path& file) {
  Reader r{file.string()};
  toml::table root;
  try {
    root = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    return make_error(Errc::InvalidArgument,
                      fmt::format("{}:{}: {}", r.file, e.source().begin.line, e.description()),
                      "fix the TOML syntax of the profile");
  }
  r.root = &root;
  Profile p;
  p.file = file.string();
  p.name = root["name"].value_or(file.stem().string());
  const std::string order = root["date_order"].value_or(std::string("auto"));
  if (order == "dmy") p.date_order = DateOrder::DMY;
  else if (order == "mdy") p.date_order = DateOrder::MDY;
  else if (order != "auto") return r.error("date_order", "expected \"auto\", \"dmy\" or \"mdy\"");
  FORA_TRY(read_match(r, root, p));
  FORA_TRY(read_thread(r, root, p));
  FORA_TRY(read_post(r, root, p));
  FORA_TRY(read_comment(r, root, p));
  FORA_TRY(read_crawl(r, root, p));
  const std::string base = root["base"].value_or(std::string());
  if (!base.empty() && base != "schema.org") return r.error("base", "the only base is \"schema.org\"");
  p.schema_org_base = base == "schema.org";
  if (p.comment_nodes.empty() && p.post_node.empty() && !p.schema_org_base)
    return r.error("comment.nodes", "a profile needs comment.nodes, post.node or base = \"schema.org\"");
  return p;
}

}  // namespace fora::extract
