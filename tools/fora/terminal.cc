#include "terminal.h"

#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>

#include "fora/extract/safe_text.h"

namespace fora::cli {

Terminal::Terminal(std::FILE* stream) : stream_(stream) {
  tty_ = ::isatty(::fileno(stream)) == 1;
  const char* no_colour = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  colour_ = tty_ && !(no_colour && *no_colour) && !(term && std::string_view(term) == "dumb");
}

void Terminal::write(std::string_view text) const {
  if (held_) {
    held_->append(text);
    return;
  }
  std::fwrite(text.data(), 1, text.size(), stream_);
}

namespace {

// The lines `text` takes on a screen `columns` wide: each of its lines, wrapped, counting
// code points outside SGR sequences (wide characters count one: a paging decision only).
std::size_t screen_lines(std::string_view text, std::size_t columns) {
  std::size_t lines = 0, width = 0;
  bool in_sgr = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (in_sgr) {
      in_sgr = c != 'm';
    } else if (c == 0x1b) {
      in_sgr = true;
    } else if (c == '\n') {
      lines += 1 + (width > 0 ? (width - 1) / columns : 0);
      width = 0;
    } else if ((c & 0xC0) != 0x80) {
      ++width;
    }
  }
  if (width > 0) lines += 1 + (width - 1) / columns;
  return lines;
}

}  // namespace

void Terminal::hold() const {
  if (tty_) held_.emplace();
}

void Terminal::release() const {
  if (!held_) return;
  const std::string text = std::move(*held_);
  held_.reset();
  winsize size{};
  const bool sized = ::ioctl(::fileno(stream_), TIOCGWINSZ, &size) == 0 && size.ws_row > 0 && size.ws_col > 0;
  const std::size_t rows = sized ? size.ws_row : 24, columns = sized ? size.ws_col : 80;
  const char* pager = std::getenv("PAGER");
  const std::string command = pager ? pager : "less";
  // One screen or less (the last line is the shell's prompt), or no pager wanted.
  if (screen_lines(text, columns) < rows || command.empty() || command == "cat") {
    write(text);
    return;
  }
  ::setenv("LESS", "FRX", 0);  // quit at the end of one screen, keep colours, leave the text
  ::setenv("LV", "-c", 0);
  std::fflush(stream_);
  std::FILE* to_pager = ::popen(command.c_str(), "w");
  int status = -1;
  if (to_pager) {
    // The pager reads until the reader quits it: an early quit is no error, and Ctrl-C
    // belongs to the pager while it runs (ignored here after the fork, so not in the pager).
    auto* old_pipe = std::signal(SIGPIPE, SIG_IGN);
    auto* old_int = std::signal(SIGINT, SIG_IGN);
    auto* old_quit = std::signal(SIGQUIT, SIG_IGN);
    std::fwrite(text.data(), 1, text.size(), to_pager);
    status = ::pclose(to_pager);
    std::signal(SIGPIPE, old_pipe);
    std::signal(SIGINT, old_int);
    std::signal(SIGQUIT, old_quit);
  }
  const bool not_started = !to_pager || (WIFEXITED(status) && (WEXITSTATUS(status) == 126 || WEXITSTATUS(status) == 127));
  if (not_started) write(text);
}

namespace {
std::string sgr(bool on, const char* code, std::string_view text) {
  if (!on) return std::string(text);
  return std::string("\x1b[") + code + "m" + std::string(text) + "\x1b[0m";
}
}  // namespace

std::string Terminal::bold(std::string_view text) const { return sgr(colour_, "1", text); }
std::string Terminal::dim(std::string_view text) const { return sgr(colour_, "2", text); }
std::string Terminal::highlight(std::string_view text) const { return sgr(colour_, "1;33", text); }

std::string clean(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;  // invalid UTF-8
    if (c == '\n' || c == '\t' || c == '\r') {
      out += (c == '\n' && keep_newlines) ? '\n' : ' ';
      continue;
    }
    if (extract::is_unsafe_codepoint(static_cast<char32_t>(c))) continue;
    char buf[4];
    std::int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

}  // namespace fora::cli
