// fold(): the one normalisation of names, tags and categories (see fields.h).
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "fora/indexer/fields.h"

namespace fora::indexer {
namespace {

// Case fold, then decompose (NFKD also maps compatibility forms such as ligatures and
// full-width letters to plain ones) so accents become separate marks we can drop.
icu::UnicodeString strip_marks(icu::UnicodeString s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return s;  // ICU data missing: fold case only
  icu::UnicodeString decomposed = nfkd->normalize(s.foldCase(), status);
  if (U_FAILURE(status)) return s;
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
    i += U16_LENGTH(c);
  }
  icu::UnicodeString composed = nfc->normalize(kept, status);
  return U_FAILURE(status) ? kept : composed;
}

std::string collapse_spaces(const icu::UnicodeString& s) {
  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c) || u_iscntrl(c)) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (pending_space) out.append(UChar32(' '));
    pending_space = false;
    out.append(c);
  }
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

}  // namespace

std::string fold(std::string_view text) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  return collapse_spaces(strip_marks(std::move(s)));
}

}  // namespace fora::indexer
