#include "text/direction.hpp"

#include <unicode/uloc.h>

namespace galley::text {

bool right_to_left(const std::string& language) {
  if (language.empty()) return false;
  char locale[ULOC_FULLNAME_CAPACITY] = {};
  UErrorCode err = U_ZERO_ERROR;
  // BCP 47 "az-Arab" -> ICU "az_Arab"; uloc_isRightToLeft then adds the likely script.
  uloc_forLanguageTag(language.c_str(), locale, sizeof locale, nullptr, &err);
  return U_SUCCESS(err) && uloc_isRightToLeft(locale);
}

} // namespace galley::text
