// Whole-file reads for rule packs (see file_io.h).
#include "rules/file_io.h"

#include <fstream>
#include <sstream>

namespace draftlint::detail {

bool read_whole_file(const std::filesystem::path& path, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open the file";
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = "cannot read the file";
    return false;
  }
  out = std::move(buffer).str();
  return true;
}

}  // namespace draftlint::detail
