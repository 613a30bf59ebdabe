// Terminal: one output stream and what it can take. Crawled text passes through clean()
// before it reaches a terminal: no control character from a web page ever does.
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace fora::cli {

class Terminal {
 public:
  explicit Terminal(std::FILE* stream);
  bool is_tty() const { return tty_; }
  bool colour() const { return colour_; }  // tty and NO_COLOR unset
  void write(std::string_view text) const;

  // Paging: hold() keeps what is written from then on, when the stream is a terminal;
  // release() writes it, through the user's pager ($PAGER, else less, with LESS=FRX unless
  // LESS is set) when it takes more lines than the screen has, else straight. A pager that
  // cannot be started (exit 126 or 127 from the shell) gets the text written straight instead.
  void hold() const;
  void release() const;

  // SGR wrappers: the text unchanged when colour is off.
  std::string bold(std::string_view text) const;
  std::string dim(std::string_view text) const;
  std::string highlight(std::string_view text) const;

 private:
  std::FILE* stream_;
  bool tty_ = false;
  bool colour_ = false;
  mutable std::optional<std::string> held_;
};

// `text` without C0/C1 control characters, DEL, or Unicode bidi overrides; newlines kept
// when `keep_newlines`, else turned into spaces. Invalid UTF-8 becomes U+FFFD.
std::string clean(std::string_view text, bool keep_newlines = false);

}  // namespace fora::cli
