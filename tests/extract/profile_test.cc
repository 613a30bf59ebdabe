#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "fora/extract/extractor.h"

namespace fora::extract {
namespace {

namespace fs = std::filesystem;

// A fresh folder under the system temp dir, removed at the end of the test.
class ProfileFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("fora-profile-test-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
  }
  fs::path dir_;
};

TEST_F(ProfileFolder, MissingOrEmptyFolderIsNotFound) {
  auto missing = Extractor::open(dir_ / "nope");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, Errc::NotFound);
  auto empty = Extractor::open(dir_);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, Errc::NotFound);
}

TEST_F(ProfileFolder, BadXPathNamesFileAndKey) {
  write("broken.toml", "name='broken'\n[comment]\nnodes = \"//li[\"\n");
  auto e = Extractor::open(dir_);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, Errc::InvalidArgument);
  EXPECT_NE(e.error().message.find("broken.toml"), std::string::npos) << e.error().message;
  EXPECT_NE(e.error().message.find("comment.nodes"), std::string::npos) << e.error().message;
  EXPECT_NE(e.error().message.find("broken.toml:3:"), std::string::npos) << e.error().message;
}

TEST_F(ProfileFolder, BadTomlAndBadRegexAreInvalidArgument) {
  write("a.toml", "name = \n");
  auto syntax = Extractor::open(dir_);
  ASSERT_FALSE(syntax);
  EXPECT_EQ(syntax.error().code, Errc::InvalidArgument);
  fs::remove(dir_ / "a.toml");
  write("b.toml", "[comment]\nnodes='//li'\nid='@id'\nid_regex='(['\n");
  auto regex = Extractor::open(dir_);
  ASSERT_FALSE(regex);
  EXPECT_NE(regex.error().message.find("comment.id_regex"), std::string::npos);
}

TEST_F(ProfileFolder, ProfilesLoadInFileNameOrder) {
  write("b.toml", "name='second'\n[comment]\nnodes='//li'\n");
  write("a.toml", "name='first'\n[comment]\nnodes='//li'\n");
  write("notes.txt", "ignored");
  auto e = Extractor::open(dir_);
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_EQ(e->profile_names(), (std::vector<std::string>{"first", "second"}));
}

TEST_F(ProfileFolder, LaterFoldersOverrideByNameAndAddNewProfilesFirst) {
  fs::create_directories(dir_ / "shipped");
  fs::create_directories(dir_ / "user");
  std::ofstream(dir_ / "shipped" / "a.toml") << "name='phpbb'\n[comment]\nnodes='//li'\n";
  std::ofstream(dir_ / "shipped" / "b.toml") << "name='xenforo'\n[comment]\nnodes='//li'\n";
  std::ofstream(dir_ / "user" / "mine.toml") << "name='xenforo'\n[comment]\nnodes='//article'\n";
  std::ofstream(dir_ / "user" / "site.toml") << "name='my-site'\n[comment]\nnodes='//div'\n";
  auto e = Extractor::open(std::vector<fs::path>{dir_ / "shipped", dir_ / "user", dir_ / "absent"});
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_EQ(e->profile_names(), (std::vector<std::string>{"my-site", "phpbb", "xenforo"}));
  for (const auto& p : e->profiles()) {
    if (p.name == "xenforo") {
      EXPECT_EQ(fs::path(p.file).filename(), "mine.toml");
    }
  }
}

TEST_F(ProfileFolder, ForcedProfileReadsAPageItsMatchRulesWouldNot) {
  write("p.toml", "name='p'\n[match]\ngenerator='^Never'\n[comment]\nnodes=\"//li[@class='c']\"\n"
                  "author=\"b\"\nbody=\"p\"\nflat=true\n");
  auto forced = Extractor::open_forced(dir_ / "p.toml");
  ASSERT_TRUE(forced) << forced.error().message;
  auto page = forced->extract("<ul><li class='c'><b>Ann</b><p>hello</p></li></ul>", "http://x.example/t");
  ASSERT_TRUE(page && page->thread);
  EXPECT_EQ(page->reader, "profile:p");
  EXPECT_NE(page->why.find("forced"), std::string::npos);
  ASSERT_EQ(page->thread->comments.size(), 1u);
  EXPECT_EQ(page->thread->comments[0].author, "Ann");
}

TEST(ShippedProfiles, LoadAndIncludeWordpress) {
  auto e = Extractor::open(FORA_SOURCE_DIR "/data/profiles");
  ASSERT_TRUE(e) << e.error().message;
  auto names = e->profile_names();
  EXPECT_NE(std::find(names.begin(), names.end(), "wordpress"), names.end());
}

}  // namespace
}  // namespace fora::extract
