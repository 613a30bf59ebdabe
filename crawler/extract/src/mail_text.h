// Plain-text mail as archives print it: bodies split into own words and quoted "> " blocks
// attributed by the "On <date>, X wrote:" line before them, RFC 2047 header words, and the
// display name of a From header. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "fora/extract/thread.h"

namespace fora::extract {

// A plain-text mail body split into own words and quoted blocks (exposed for tests).
struct MailText {
  std::string text;
  std::vector<Quote> quotes;
};
MailText split_mail_body(const std::string& body);

// "On Thu, Mar 1, 2012 at 5:05 PM, Itamar <itamar at x.org> wrote:" -> "Itamar"; empty when
// `line` is no attribution.
std::string mail_attribution(const std::string& line);

// RFC 2047 encoded words ("=?UTF-8?Q?Zo=C3=AB?=", "=?iso-8859-1?B?...?=") decoded to UTF-8.
std::string decode_encoded_words(const std::string& header);

// The person of a From header: "x at y.org (Tobias Oberstein)", "Tobias <t@y.org>",
// "=?UTF-8?Q?...?= <z@y.org>" -> the name; the address when there is no name.
std::string display_name(const std::string& from);

}  // namespace fora::extract
