// A word diff of two texts, as `fora show --history` prints what an edit changed (unchanged
// words as they are, removed ones as [-words-], added ones as {+words+}) and `fora serve`
// shows it (<del>, <ins>).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fora/extract/thread.h"

namespace fora::cli {

// What a version's diff compares: its quotes ("> author: text ") then its own words.
std::string words_with_quotes(const std::vector<extract::Quote>& quotes, std::string_view text);

// A run of words: unchanged (' '), removed ('-') or added ('+'), joined by single spaces.
struct WordRun {
  char kind = ' ';
  std::string words;
};

// Words are runs of non-space. Longer texts than a few thousand words each are compared as
// one removed and one added run.
std::vector<WordRun> word_runs(std::string_view before, std::string_view after);

// The runs as one line of text with [-removed-] and {+added+} marked.
std::string word_diff(std::string_view before, std::string_view after);

}  // namespace fora::cli
