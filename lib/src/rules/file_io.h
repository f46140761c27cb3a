// Reading rule and recognizer files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace draftlint::detail {

// Rule, recognizer and configuration files larger than this are refused.
inline constexpr std::uintmax_t kMaxYamlFileBytes = 1 << 20;

// Reads a whole file into `out`; on failure returns false with a reason in `error`. Only regular
// files of at most kMaxYamlFileBytes are read.
bool read_whole_file(const std::filesystem::path& path, std::string& out, std::string& error);

}  // namespace draftlint::detail
