#include "text_render.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <regex>
#include <string_view>

#include "mail_text.h"
#include "sanitize.h"
#include "tree_walk.h"

namespace fora::extract {
namespace {

bool name_is(const xmlNode* node, std::string_view name) {
  return node->name != nullptr &&
         std::string_view(reinterpret_cast<const char*>(node->name)) == name;
}

template <std::size_t N>
bool name_in(const xmlNode* node, const std::array<std::string_view, N>& names) {
  return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return name_is(node, n); });
}

constexpr std::array<std::string_view, 11> kDropped = {
    "script", "style", "noscript", "template", "svg", "iframe",
    "object", "embed", "canvas", "select", "button"};

constexpr std::array<std::string_view, 40> kBlocks = {
    "p",      "div",    "section", "article",  "aside",   "header",     "footer", "nav",
    "main",   "blockquote", "pre", "ul",       "ol",      "li",         "dl",     "dt",
    "dd",     "table",  "tr",      "td",       "th",      "thead",      "tbody",  "tfoot",
    "caption", "h1",    "h2",      "h3",       "h4",      "h5",         "h6",     "hr",
    "figure", "figcaption", "address", "details", "summary", "form", "fieldset", "center"};

// Walks the tree, appending raw text with "\n" at block edges; normalization happens once
// at the end, so the walk only has to get the breaks right.
class Renderer {
 public:
  Renderer(QuoteMode mode, std::function<bool(xmlNode*)> skip, QuoteRules rules = {})
      : mode_(mode), skip_(std::move(skip)), rules_(std::move(rules)) {}

  void walk(xmlNode* root) {
    walk_tree(root, [this](xmlNode* n) { return enter(n) ? Walk::Into : Walk::Over; },
              [this](xmlNode* n) { leave(n); });
  }

  RenderedText finish() { return {normalize_paragraphs(out_), std::move(quotes_)}; }

 private:
  // Renders what `node` is by itself; true when its children are to be rendered too (then
  // leave(node) follows them).
  bool enter(xmlNode* node) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      append_text(node);
      return false;
    }
    if (node->type != XML_ELEMENT_NODE || name_in(node, kDropped)) return false;
    if (skip_ && skip_(node)) return false;
    if (name_is(node, "br")) {
      out_ += '\n';
      return false;
    }
    if (mode_ == QuoteMode::Separate &&
        (rules_.is_quote ? rules_.is_quote(node) : name_is(node, "blockquote"))) {
      take_quote(node);
      return false;
    }
    if (name_in(node, kBlocks)) out_ += '\n';
    if (name_is(node, "pre")) ++pre_depth_;
    return true;
  }

  void leave(xmlNode* node) {
    if (name_is(node, "pre")) --pre_depth_;
    if (name_in(node, kBlocks)) out_ += '\n';
  }

  void append_text(const xmlNode* node) {
    if (node->content == nullptr) return;
    std::string_view text(reinterpret_cast<const char*>(node->content));
    if (pre_depth_ > 0) {
      out_.append(text);
      return;
    }
    // Outside <pre> a newline in the source is just whitespace.
    for (char c : text) out_ += (c == '\n' ? ' ' : c);
  }

  // The quote's text, rendered inline (nested quotes stay inside it); a <cite> is the
  // attribution, not quoted words.
  void take_quote(xmlNode* blockquote) {
    std::string cite;
    auto skip_cite = [&](xmlNode* n) {
      if (!name_is(n, "cite")) return skip_ && skip_(n);
      Renderer cite_renderer(QuoteMode::Inline, {});
      cite_renderer.walk(n);
      if (cite.empty()) cite = normalize_line(cite_renderer.finish().text);
      return true;
    };
    Renderer inner(QuoteMode::Inline, skip_cite);
    inner.walk(blockquote);
    Quote quote{{}, inner.finish().text};
    std::string line_author = take_attribution_line();
    if (rules_.author_of) quote.author = rules_.author_of(blockquote);
    if (quote.author.empty()) quote.author = line_author;
    if (quote.author.empty()) quote.author = attribution_name(cite);
    if (quote.author.empty()) quote.author = cite;
    quote.author = trim_name(quote.author);
    if (!quote.text.empty()) quotes_.push_back(std::move(quote));
    out_ += '\n';
  }

  // Removes the last line of own text when it attributes the quote that follows.
  std::string take_attribution_line() {
    std::size_t end = out_.find_last_not_of(" \t\r\n");
    if (end == std::string::npos) return {};
    std::size_t start = out_.find_last_of('\n', end);
    start = start == std::string::npos ? 0 : start + 1;
    std::string line = normalize_line(std::string_view(out_).substr(start, end + 1 - start));
    std::string name = attribution_name(line);
    if (!name.empty()) out_.erase(start);
    return name;
  }

  static std::string trim_name(std::string name) {
    while (!name.empty() && (name.front() == '@' || name.front() == ' ')) name.erase(0, 1);
    while (!name.empty() && std::strchr(" ,:;-", name.back()) != nullptr) name.pop_back();
    return name;
  }

  QuoteMode mode_;
  std::function<bool(xmlNode*)> skip_;
  QuoteRules rules_;
  std::string out_;
  std::vector<Quote> quotes_;
  int pre_depth_ = 0;
};

}  // namespace

std::string attribution_name(const std::string& line) {
  if (line.size() > 200) return {};
  // "On Wed, Mar 3, 2021, Anna Müller wrote:": a date of any shape before the name, as mail
  // clients write it (and archives render it above the quote).
  static const std::regex kOnDate(R"(^(?:on|am|le|el)\s)", std::regex::icase);
  if (std::regex_search(line, kOnDate))
    if (std::string name = mail_attribution(line); !name.empty()) return name;
  // "David Eastman wrote:", "On Dec 16, 2022, Chris said:", "Edward asked:", German too.
  static const std::regex kWrote(
      R"(^(?:on [^,]{1,60}(?:, ?[^,]{1,40})?, ?)?@?([^.!?]{1,80}?),? (?:wrote|writes|said|says|asked|asks|replied|commented|schrieb|schreibt|sagte|sagt|fragte|fragt|meinte|meint|a écrit|escribió|dijo)(?: \([^)]{0,60}\))?(?: in [^:]{1,120})? ?:$)",
      std::regex::ECMAScript | std::regex::icase);
  // "Quoting David Eastman:", "Zitat von X:", "Quote from X:"
  static const std::regex kQuoting(R"(^(?:quoting|quote from|zitat von|zitat) @?([^.!?]{1,80}?) ?:?$)",
                                   std::regex::ECMAScript | std::regex::icase);
  std::smatch m;
  if (std::regex_match(line, m, kWrote) || std::regex_match(line, m, kQuoting)) return m[1].str();
  return {};
}

RenderedText render_text(xmlNode* root, QuoteMode mode,
                         const std::function<bool(xmlNode*)>& skip, const QuoteRules& quotes) {
  Renderer renderer(mode, skip, quotes);
  if (root == nullptr) return {};
  if (root->type == XML_ATTRIBUTE_NODE || root->type == XML_TEXT_NODE) {
    xmlChar* content = xmlNodeGetContent(root);
    std::string text = content ? reinterpret_cast<const char*>(content) : "";
    xmlFree(content);
    return {normalize_paragraphs(text), {}};
  }
  renderer.walk(root);
  return renderer.finish();
}

}  // namespace fora::extract
