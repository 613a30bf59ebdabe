#include "charset.h"

#include <boost/algorithm/string/case_conv.hpp>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <memory>

namespace fora::extract {
namespace {

std::string lowercase(std::string_view s) { return boost::algorithm::to_lower_copy(std::string(s)); }

// Reads the label that follows "charset=" at `pos` (quoted or bare).
std::string label_at(std::string_view s, std::size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '"' || s[pos] == '\'')) ++pos;
  std::size_t end = pos;
  while (end < s.size() && (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '-' ||
                            s[end] == '_' || s[end] == '.' || s[end] == ':'))
    ++end;
  return lowercase(s.substr(pos, end - pos));
}

// HTML's encoding standard reads these labels as windows-1252, a superset ICU knows.
std::string normalize_label(std::string label) {
  if (label == "iso-8859-1" || label == "latin1" || label == "us-ascii" || label == "ascii" ||
      label == "iso8859-1" || label == "l1")
    return "windows-1252";
  return label;
}

bool has_non_ascii(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

std::string detect(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status),
                                                                &ucsdet_close);
  if (U_FAILURE(status)) return "utf-8";
  auto len = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 64 * 1024));
  ucsdet_setText(det.get(), bytes.data(), len, &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "utf-8";
  const char* name = ucsdet_getName(match, &status);
  return U_FAILURE(status) || name == nullptr ? "utf-8" : lowercase(name);
}

// A byte order mark names the encoding before anything else does (the HTML standard's
// encoding sniffing); empty when there is none.
std::string bom_label(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return "utf-8";
  if (bytes.substr(0, 2) == "\xFF\xFE") return "utf-16le";
  if (bytes.substr(0, 2) == "\xFE\xFF") return "utf-16be";
  return {};
}

// NUL bytes near the start: UTF-16 without a mark (its ASCII is valid UTF-8 with a NUL
// after or before each letter), or binary. Either way the detector knows better.
bool nul_near_start(std::string_view bytes) {
  return std::memchr(bytes.data(), 0, std::min<std::size_t>(bytes.size(), 4096)) != nullptr;
}

bool converter_exists(const std::string& label) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(label.c_str(), &status);
  if (conv != nullptr) ucnv_close(conv);
  return U_SUCCESS(status);
}

}  // namespace

std::string charset_from_content_type(std::string_view content_type) {
  std::string lower = lowercase(content_type);
  std::size_t pos = lower.find("charset=");
  if (pos == std::string::npos) return {};
  return label_at(lower, pos + 8);
}

std::string charset_from_meta(std::string_view html) {
  std::string head = lowercase(html.substr(0, std::min<std::size_t>(html.size(), 8192)));
  for (std::size_t pos = head.find("<meta"); pos != std::string::npos;
       pos = head.find("<meta", pos + 5)) {
    std::size_t end = head.find('>', pos);
    std::string_view tag = std::string_view(head).substr(pos, end == std::string::npos
                                                                   ? std::string::npos
                                                                   : end - pos);
    std::size_t cs = tag.find("charset=");
    if (cs != std::string_view::npos) return label_at(tag, cs + 8);
  }
  return {};
}

bool is_valid_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  auto len = static_cast<int64_t>(bytes.size());
  for (int64_t i = 0; i < len;) {
    if (s[i] < 0x80) {  // most of a page is ASCII: skip it byte by byte without decoding
      ++i;
      continue;
    }
    UChar32 c = 0;
    int32_t i32 = 0;
    // U8_NEXT works on int32 offsets; walk in windows so huge inputs stay correct.
    int32_t window = static_cast<int32_t>(std::min<int64_t>(len - i, 1 << 30));
    U8_NEXT(s + i, i32, window, c);
    if (c < 0) return false;
    i += i32;
  }
  return true;
}

std::string decode_to_utf8(std::string_view bytes, std::string_view content_type) {
  std::string label = bom_label(bytes);
  if (label.empty()) label = charset_from_content_type(content_type);
  if (label.empty()) {
    label = charset_from_meta(bytes);
    if (!label.empty() && label != "utf-8" && has_non_ascii(bytes) && is_valid_utf8(bytes))
      label = "utf-8";
  }
  if (label.empty()) label = is_valid_utf8(bytes) && !nul_near_start(bytes) ? "utf-8" : detect(bytes);
  label = normalize_label(label);
  if (!converter_exists(label)) label = "utf-8";

  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max()))
    bytes = bytes.substr(0, std::numeric_limits<int32_t>::max());
  // Valid UTF-8 is its own conversion (ICU would go through UTF-16 and back to the same bytes).
  if (label == "utf-8" && is_valid_utf8(bytes)) return std::string(bytes);
  // ICU substitutes U+FFFD for malformed input, so the result is valid UTF-8 even when the
  // declared charset is UTF-8 and the bytes are not.
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), label.c_str());
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace fora::extract
