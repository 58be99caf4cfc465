#pragma once
// The rules for what people type. Each returns an Error of kInvalidInput naming the form field
// and saying in plain words what is wrong, or the normalised value.

#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace hoot {

inline constexpr std::size_t kMinUsername = 3, kMaxUsername = 32;
inline constexpr std::size_t kMinPassword = 10, kMaxPassword = 1024;
inline constexpr std::size_t kMinTitle = 5, kMaxTitle = 200;
inline constexpr std::size_t kMaxTags = 5, kMaxTagLength = 35;
inline constexpr std::size_t kMaxBody = 60000, kMaxCommentBody = 30000;
inline constexpr std::size_t kMaxDisplayName = 64, kMaxBio = 2000;
inline constexpr std::size_t kMaxUpdateHeading = 100;  // code points, one line
inline constexpr std::size_t kMaxReply = 600;          // code points

// True when every byte is valid UTF-8 with no control characters other than \n, \r and \t.
bool IsCleanUtf8Text(std::string_view text);
// Length in code points of valid UTF-8.
std::size_t Utf8Length(std::string_view text);

// 3–32 of [A-Za-z0-9_-]. Returned as typed (case is kept; uniqueness is case-insensitive).
Result<std::string> ValidateUsername(std::string_view username);
// At least 10 characters (code points), at most 1024 bytes.
Status ValidatePassword(std::string_view password);
// Trimmed; 5–200 characters; no control characters.
Result<std::string> ValidateTitle(std::string_view title);
// Trimmed; not empty; at most `max_bytes`; clean UTF-8. `field` names the form field.
Result<std::string> ValidateBody(std::string_view body, std::size_t max_bytes,
                                 std::string_view field = "body");
// Tags from text separated by spaces and/or commas (a leading '#' is dropped): lower-cased,
// [a-z0-9.+#-] only, 1–35 characters each, duplicates removed, at most 5.
Result<std::vector<std::string>> ParseTags(std::string_view text);
// Same rules for tags given as a list (the JSON API).
Result<std::vector<std::string>> NormalizeTags(const std::vector<std::string>& tags);
// Trimmed; at most 64 characters; may be empty.
Result<std::string> ValidateDisplayName(std::string_view name);
// Trimmed; at most 2000 bytes; may be empty.
Result<std::string> ValidateBio(std::string_view bio);
inline constexpr std::size_t kMaxWebsite = 200;
// "" stays ""; otherwise an absolute http:// or https:// address with a host, no spaces or
// control characters, at most kMaxWebsite bytes. kInvalidInput on field "website".
Result<std::string> ValidateWebsite(std::string_view website);

}  // namespace hoot
