#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>

#include "fora/extract/extractor.h"
#include "sanitize.h"
#include "text_render.h"
#include "xml_handles.h"

namespace fora::extract {
namespace {

// Renders the <body> of `html` the way a comment body is rendered.
RenderedText render_body(const std::string& html, QuoteMode mode = QuoteMode::Separate) {
  XmlDocPtr doc(htmlReadMemory(html.data(), static_cast<int>(html.size()), "http://x/", "UTF-8",
                               HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
  xmlNode* body = xmlDocGetRootElement(doc.get())->children;
  while (body != nullptr && xmlStrcmp(body->name, BAD_CAST "body") != 0) body = body->next;
  return render_text(body, mode);
}

// `html`'s body renders to `own` words and one quote: `quoted`, by `author`.
void expect_one_quote(const std::string& html, std::string_view own, std::string_view author,
                      std::string_view quoted) {
  RenderedText r = render_body(html);
  EXPECT_EQ(r.text, own);
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(r.quotes[0].author, author);
  EXPECT_EQ(r.quotes[0].text, quoted);
}

TEST(Sanitize, RemovesControlAndBidiCharacters) {
  // ESC, BEL, DEL, C1 CSI (U+009B), RLO (U+202E), LRI (U+2066) and RLM go; newline stays.
  std::string hostile = "a\x1b[31mb\x07" "c\x7f" "d\xC2\x9B" "e\xE2\x80\xAE" "f\xE2\x81\xA6" "g\xE2\x80\x8F\nh";
  EXPECT_EQ(strip_controls(hostile), "a[31mbcdefg\nh");
}

TEST(Sanitize, CollapsesWhitespaceAndBlankLines) {
  EXPECT_EQ(normalize_paragraphs("  one \t two\xC2\xA0three \n\n\n  four  "), "one two three\nfour");
  EXPECT_EQ(normalize_line(" David\n  Eastman "), "David Eastman");
}

TEST(TextRender, BlocksBreakLinesAndScriptsVanish) {
  RenderedText r = render_body(
      "<body><p>First   para&amp;graph</p><script>alert(1)</script><style>p{}</style>"
      "<noscript>enable js</noscript><div>Second<br>line <b>bold</b>text</div></body>");
  EXPECT_EQ(r.text, "First para&graph\nSecond\nline boldtext");
}

TEST(TextRender, AttributedBlockquoteBecomesQuoteAndAttributionLineGoes) {
  expect_one_quote(
      "<body><p>David Eastman wrote:</p><blockquote><p>But we are indeed far past the "
      "point.</p></blockquote><p>I think this is a correct analysis.</p></body>",
      "I think this is a correct analysis.", "David Eastman", "But we are indeed far past the point.");
}

TEST(TextRender, RecognisesAskedSaidQuotingAndOnDateForms) {
  EXPECT_EQ(attribution_name("Chris asked:"), "Chris");
  EXPECT_EQ(attribution_name("Frank Solomon said:"), "Frank Solomon");
  EXPECT_EQ(attribution_name("Quoting Jürgen Müller:"), "Jürgen Müller");
  EXPECT_EQ(attribution_name("On Dec 16, 2022, Edward wrote:"), "Edward");
  EXPECT_EQ(attribution_name("This is what it said. Really:"), "");
  EXPECT_EQ(attribution_name("I think the coolant is water."), "");
}

TEST(TextRender, CiteNamesTheQuotedAuthorWhenNoLineDoes) {
  expect_one_quote("<body><blockquote><p>Quoted words.</p><cite>Edward</cite></blockquote><p>Reply.</p></body>",
                   "Reply.", "Edward", "Quoted words.");
}

TEST(TextRender, UnattributedQuoteKeepsPrecedingText) {
  RenderedText r = render_body(
      "<body><p>Frank Solomon,</p><blockquote>the torque</blockquote><p>is small.</p></body>");
  EXPECT_EQ(r.text, "Frank Solomon,\nis small.");
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(r.quotes[0].author, "");
}

TEST(TextRender, InlineModeKeepsBlockquotesInText) {
  RenderedText r = render_body("<body><p>A</p><blockquote>B</blockquote></body>", QuoteMode::Inline);
  EXPECT_EQ(r.text, "A\nB");
  EXPECT_TRUE(r.quotes.empty());
}

}  // namespace
}  // namespace fora::extract
