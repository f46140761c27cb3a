// Reading rule and recognizer files.
#pragma once

#include <filesystem>
#include <string>

namespace draftlint::detail {

// Reads a whole file into `out`; on failure returns false with a reason in `error`.
bool read_whole_file(const std::filesystem::path& path, std::string& out, std::string& error);

}  // namespace draftlint::detail
