#include "digest.h"

#include <openssl/evp.h>

#include <array>
#include <boost/algorithm/string/case_conv.hpp>

namespace fora::archive {
namespace {

std::string digest_with(const EVP_MD* md, std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), out.data(), &len, md, nullptr);
  return std::string(reinterpret_cast<const char*>(out.data()), len);
}

// RFC 4648 base32, upper case, padded: how wget and Heritrix spell SHA-1 digests.
std::string base32(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (const unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];
  while (out.size() % 8 != 0) out += '=';
  return out;
}

}  // namespace

std::string sha256(std::string_view bytes) { return digest_with(EVP_sha256(), bytes); }

std::string hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * bytes.size());
  for (const unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 0xf];
  }
  return out;
}

std::optional<bool> digest_matches(std::string_view labelled, std::string_view bytes) {
  const std::size_t colon = labelled.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const std::string algo = boost::algorithm::to_lower_copy(std::string(labelled.substr(0, colon)));
  std::string value(labelled.substr(colon + 1));
  const EVP_MD* md = algo == "sha256" || algo == "sha-256" ? EVP_sha256()
                     : algo == "sha1" || algo == "sha-1"   ? EVP_sha1()
                     : algo == "md5"                       ? EVP_md5()
                                                           : nullptr;
  if (md == nullptr) return std::nullopt;
  const std::string raw = digest_with(md, bytes);
  const std::size_t hex_size = 2 * raw.size();
  if (value.size() == hex_size) return boost::algorithm::to_lower_copy(value) == hex(raw);
  std::string b32 = base32(raw);
  boost::algorithm::to_upper(value);
  while (b32.ends_with('=') && !value.ends_with('=')) b32.pop_back();
  if (value.size() == b32.size()) return value == b32;
  return std::nullopt;
}

}  // namespace fora::archive
