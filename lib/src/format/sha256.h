// SHA-256, for stable fingerprints (GitLab, SARIF) and for noticing that a file changed.
#pragma once

#include <string>
#include <string_view>

namespace draftlint::detail {

// The SHA-256 digest of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace draftlint::detail
