// Generated pages that fight the parser: a WordPress post page built from the sample site's
// markup (data/sample-site) with N comments, one of them wrapped in a deep nest of <div>s,
// and pages of many tiny elements. The generator's truth (each comment's words and link)
// is what a test expects fora to read.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fora::test {

struct WordPressComment {
  std::string id;    // WordPress's comment number ("comment-<id>")
  std::string word;  // a word only this comment's text holds
  std::string link;  // a link (path) only this comment's text holds
};

struct HostilePage {
  std::string html;
  std::vector<WordPressComment> comments;
};

// `sample` is a sample-site post page with comments. The page keeps its head, post and
// tail; its comment list is replaced by `count` comments in the sample's own markup, the
// text of comment number `wrapped` (0-based) inside `depth` nested <div>s.
inline HostilePage wordpress_page_with_deep_comment(const std::string& sample, int count, int wrapped, int depth) {
  const std::string list_open = "<ol class=\"comment-list\">";
  const std::size_t list = sample.find(list_open);
  const std::size_t first = sample.find("<li id=\"comment-", list);
  const std::string item_end = "</li><!-- #comment-## -->";
  const std::size_t first_end = sample.find(item_end, first);
  const std::size_t list_close = sample.find("</ol>", first_end);
  if (list == std::string::npos || first == std::string::npos || first_end == std::string::npos ||
      list_close == std::string::npos)
    throw std::runtime_error("the sample page has no comment list");
  const std::string item = sample.substr(first, first_end + item_end.size() - first);
  const std::string id_of_item = item.substr(16, item.find('"', 16) - 16);  // after <li id="comment-
  const std::string content_open = "<div class=\"comment-content\">";
  const std::size_t content = item.find(content_open) + content_open.size();
  const std::size_t content_end = item.find("</div><!-- .comment-content -->");

  HostilePage page;
  std::string comments;
  for (int i = 0; i < count; ++i) {
    WordPressComment c{std::to_string(9000 + i), "deepword" + std::to_string(i),
                       "/2022/12/16/linked-from-comment-" + std::to_string(i) + "/"};
    std::string text = "<p>" + c.word + " and <a href=\"" + c.link + "\">a link</a></p>";
    if (i == wrapped) {
      std::string nest;
      nest.reserve(static_cast<std::size_t>(depth) * 11 + text.size());
      for (int d = 0; d < depth; ++d) nest += "<div>";
      nest += text;
      for (int d = 0; d < depth; ++d) nest += "</div>";
      text = std::move(nest);
    }
    std::string li = item.substr(0, content) + text + item.substr(content_end);
    for (const std::string prefix : {"comment-", "replytocom=", "data-commentid=\""}) {
      const std::string from = prefix + id_of_item, to = prefix + c.id;
      for (std::size_t at = li.find(from); at != std::string::npos; at = li.find(from, at + to.size()))
        li.replace(at, from.size(), to);
    }
    comments += li + "\n";
    page.comments.push_back(std::move(c));
  }
  page.html = sample.substr(0, list + list_open.size()) + comments + sample.substr(list_close);
  return page;
}

// The sample site's post page with comments that the tests above build on.
inline std::string read_sample_post(const std::string& source_dir) {
  std::ifstream in(source_dir +
                       "/data/sample-site/2022/12/16/russian-official-soyuz-leak-possibly-caused-by-micrometeorite-hit/"
                       "index.html",
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A page of `bytes` bytes (about) of tiny paragraphs, "<p>1</p><p>2</p>…", with a link
// first and one last.
inline std::string tiny_paragraphs(std::size_t bytes) {
  std::string html = "<html><body><a href=\"/first\">first</a>";
  html.reserve(bytes + 64);
  for (std::size_t i = 0; html.size() < bytes; ++i) html += "<p>" + std::to_string(i % 10) + "</p>";
  html += "<a href=\"/last\">last</a></body></html>";
  return html;
}

}  // namespace fora::test
