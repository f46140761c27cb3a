// The library's version.
#pragma once

#include <string_view>

namespace draftlint {

// The version of the library, e.g. "0.1.0".
std::string_view version();

}  // namespace draftlint
