// The output model's pieces (tools/fora/output.h, records.h): the CSV field as RFC 4180
// writes it, the JSON line that carries every code point but lets none act on a terminal, and
// docs/output.md naming every field of every record kind the code prints.
#include <gtest/gtest.h>

#include <filesystem>

#include "output.h"
#include "support/output_docs.h"
#include "records.h"

namespace fora::cli {
namespace {

using ojson = nlohmann::ordered_json;

TEST(CsvField, QuotesOnlyWhatRfc4180Needs) {
  EXPECT_EQ(csv_field("plain words"), "plain words");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_field(nullptr), "");
  EXPECT_EQ(csv_field(42), "42");
  EXPECT_EQ(csv_field(true), "true");
  EXPECT_EQ(csv_field(ojson::array({"Space", "ISS"})), "\"[\"\"Space\"\",\"\"ISS\"\"]\"");
}

TEST(CsvField, DropsControlAndBidiCharactersButKeepsLineBreaks) {
  EXPECT_EQ(csv_field("Ed\x1b[31mward\xe2\x80\xae\xc2\x85"), "Ed[31mward");
  EXPECT_EQ(csv_field("a\nb\x07"), "\"a\nb\"");
  EXPECT_EQ(csv_field(ojson::array({"x\xe2\x80\xaey"})), "\"[\"\"x\\u202ey\"\"]\"");
}

TEST(JsonLine, EscapesWhatATerminalWouldActOnAndReadsBackWhole) {
  const std::string hostile = "Ed\x1b[31mward \xe2\x80\xae\xe2\x81\xa6 \xc2\x85\x7f \xd8\x9c\xe2\x80\x8f \xc3\xa9\xe2\x80\x94\xf0\x9f\x9a\x80";
  const ojson j = {{"v", 1}, {"author", hostile}};
  const std::string line = json_line(j);
  EXPECT_EQ(line, "{\"v\":1,\"author\":\"Ed\\u001b[31mward \\u202e\\u2066 \\u0085\\u007f \\u061c\\u200f "
                  "\xc3\xa9\xe2\x80\x94\xf0\x9f\x9a\x80\"}\n");
  EXPECT_EQ(ojson::parse(line), j);
}

TEST(JsonLine, ReplacesInvalidUtf8) {
  const std::string line = json_line(ojson{{"t", std::string("a\xff" "b")}});
  EXPECT_EQ(ojson::parse(line)["t"], "a\xef\xbf\xbd" "b");
}

// docs/output.md has a section per kind whose table lists exactly its fields, in order; a
// kind built on an entry says so and lists what it adds.
TEST(OutputDocs, NameEveryFieldOfEveryRecordKindInOrder) {
  auto documented = test::documented_fields(std::filesystem::path(FORA_SOURCE_DIR) / "docs" / "output.md");
  ASSERT_EQ(documented.size(), record_kinds().size());
  for (const RecordKind* k : record_kinds()) {
    ASSERT_TRUE(documented.count(std::string(k->name))) << k->name;
    const std::vector<std::string> fields(k->fields.begin(), k->fields.end());
    EXPECT_EQ(documented[std::string(k->name)], fields) << k->name;
  }
}

TEST(EntryRecord, HasEveryFieldOfItsKindInOrderFromTheCatalogAndFromAPage) {
  archive::StoredEntry e;
  e.id = 7;
  e.kind = "comment";
  e.entry.author = "Chris";
  const std::vector<std::string> kind(entry_kind().fields.begin(), entry_kind().fields.end());
  const Record stored = entry_record(e);
  std::vector<std::string> printed;
  for (const auto& [k, v] : stored.items()) printed.push_back(k);
  EXPECT_EQ(printed, kind);

  extract::ThreadPage page;
  page.thread_url = "https://forum.example:8443/t/1";
  page.comments.push_back(extract::Entry{});
  page.comments[0].native_id = "1";
  page.comments[0].author = "Ann";
  page.comments.push_back(extract::Entry{});
  page.comments[1].parent_id = "1";
  const Record r = entry_record(page.comments[1], "comment", page);
  printed.clear();
  for (const auto& [k, v] : r.items()) printed.push_back(k);
  EXPECT_EQ(printed, kind);
  EXPECT_EQ(r["site"], "forum.example:8443");
  EXPECT_EQ(r["parent_author"], "Ann");
  EXPECT_TRUE(r["id"].is_null());
  EXPECT_EQ(missing_entry_record(9).size(), entry_kind().fields.size());
}

}  // namespace
}  // namespace fora::cli
