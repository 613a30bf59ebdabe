#include "mail_text.h"

#include <regex>

#include <boost/algorithm/string/classification.hpp>
#include <boost/algorithm/string/trim.hpp>

#include "fora/ascii_space.h"
#include "charset.h"
#include "sanitize.h"

namespace fora::extract {
namespace {

bool is_quoted(const std::string& line) {
  std::size_t i = line.find_first_not_of(' ');
  return i != std::string::npos && line[i] == '>';
}

std::string unquote(const std::string& line) {
  std::size_t i = line.find('>');
  std::string rest = line.substr(i + 1);
  if (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
  return rest;
}

}  // namespace

// RFC 2047 encoded words in a header ("=?UTF-8?Q?Zo=C3=AB?=", "=?iso-8859-1?B?...?=")
// decoded to UTF-8; whitespace between two encoded words goes, as the RFC says.
std::string decode_encoded_words(const std::string& header) {
  static const std::regex kWord(R"(=\?([^?\s]{1,40})\?([QqBb])\?([^?\s]*)\?=)");
  std::string out;
  std::size_t at = 0;
  bool last_was_word = false;
  for (std::sregex_iterator it(header.begin(), header.end(), kWord), end; it != end; ++it) {
    const auto& m = *it;
    std::string between = header.substr(at, static_cast<std::size_t>(m.position()) - at);
    if (!(last_was_word && between.find_first_not_of(" \t\r\n") == std::string::npos)) out += between;
    std::string raw;
    const std::string text = m[3].str();
    if (m[2].str() == "Q" || m[2].str() == "q") {
      for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_') raw += ' ';
        else if (text[i] == '=' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
                 std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
          raw += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
          i += 2;
        } else raw += text[i];
      }
    } else {
      static const std::string kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
      unsigned bits = 0;
      int count = 0;
      for (char c : text) {
        const std::size_t v = kAlphabet.find(c);
        if (v == std::string::npos) continue;
        bits = (bits << 6) | static_cast<unsigned>(v);
        if ((count += 6) >= 8) {
          count -= 8;
          raw += static_cast<char>((bits >> count) & 0xFF);
        }
      }
    }
    out += decode_to_utf8(raw, "text/plain; charset=" + m[1].str());
    at = static_cast<std::size_t>(m.position() + m.length());
    last_was_word = true;
  }
  return out + header.substr(at);
}

// "tobias.oberstein at tavendo.de (Tobias Oberstein)", "Tobias <t@x>" -> "Tobias Oberstein"
std::string display_name(const std::string& encoded) {
  // No name is 4 KiB long; std::regex recurses a level a character of what it matches.
  const std::string from = decode_encoded_words(encoded.substr(0, 4096));
  static const std::regex kParen(R"(\(([^()]+)\)\s*$)");
  static const std::regex kAngle(R"re(^\s*"?([^"<]+?)"?\s*<[^>]*>\s*$)re");
  std::smatch m;
  if (std::regex_search(from, m, kParen)) return normalize_line(m[1].str());
  if (std::regex_match(from, m, kAngle)) return normalize_line(m[1].str());
  return normalize_line(from);
}

std::string mail_attribution(const std::string& line) {
  static const std::regex kWrote(
      R"(^(.*?)\s*(?:wrote|writes|schrieb|a écrit|escribió|ha scritto|skrev)\s*:\s*$)",
      std::regex::icase);
  // German and French clients put the name after the verb: "Am 25.11.2024 um 15:14 schrieb
  // Anna Müller:", "Le 25 nov. 2024 à 15:14, Anne a écrit :" is the other order.
  static const std::regex kVerbFirst(
      R"(^(?:am|on)\s.*\s(?:schrieb|wrote)\s+(.+?)\s*:\s*$)", std::regex::icase);
  std::smatch m;
  std::string s = normalize_line(line);
  if (s.size() > 300) return {};
  if (std::regex_match(s, m, kVerbFirst)) {
    static const std::regex kAddress(R"(\s*[<(\[][^<>()\[\]]*[>)\]]\s*)");
    return normalize_line(std::regex_replace(m[1].str(), kAddress, " "));
  }
  if (!std::regex_match(s, m, kWrote)) return {};
  std::string who = m[1].str();
  static const std::regex kAddress(R"(\s*[<(\[][^<>()\[\]]*[>)\]]\s*)");
  who = std::regex_replace(who, kAddress, " ");
  static const std::regex kOnDate(R"(^(?:on|am|le|el|il|den|op)\s.*,\s*([^,]+)$)", std::regex::icase);
  if (std::regex_match(who, m, kOnDate)) who = m[1].str();
  who = normalize_line(who);
  while (!who.empty() && (who.back() == ',' || who.back() == ':')) who.pop_back();
  return who;
}

MailText split_mail_body(const std::string& body) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    lines.push_back(body.substr(start, end - start));
    start = end + 1;
  }
  std::vector<std::string> own;
  MailText out;
  for (std::size_t i = 0; i < lines.size();) {
    if (!is_quoted(lines[i])) {
      own.push_back(lines[i++]);
      continue;
    }
    std::string quoted;
    while (i < lines.size() && is_quoted(lines[i])) quoted += unquote(lines[i++]) + "\n";
    // The attribution: the last own line, or the last two when a name wraps.
    while (!own.empty() && trim_ascii_space(own.back()).empty()) own.pop_back();
    Quote q{{}, normalize_paragraphs(quoted)};
    if (!own.empty()) {
      q.author = mail_attribution(own.back());
      if (!q.author.empty()) {
        own.pop_back();
      } else if (own.size() >= 2 &&
                 !(q.author = mail_attribution(own[own.size() - 2] + " " + own.back())).empty()) {
        own.resize(own.size() - 2);
      }
    }
    if (!q.text.empty()) out.quotes.push_back(std::move(q));
  }
  std::string joined;
  for (const std::string& l : own) joined += l + "\n";
  out.text = normalize_paragraphs(joined);
  return out;
}

}  // namespace fora::extract
