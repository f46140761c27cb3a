// Whole-file reads for rule packs and configuration files (see file_io.h).
#include "rules/file_io.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace draftlint::detail {

bool read_whole_file(const std::filesystem::path& path, std::string& out, std::string& error) {
  // stat() first: a FIFO or a device named as a rule or config file must not block or never end.
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode)) {
      error = S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file (a FIFO, device or socket)";
      return false;
    }
    if (static_cast<std::uintmax_t>(st.st_size) > kMaxYamlFileBytes) {
      error = fmt::format("file is {} bytes; the limit is {} (1 MiB)", st.st_size, kMaxYamlFileBytes);
      return false;
    }
  }
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
  if (out.size() > kMaxYamlFileBytes) {
    error = fmt::format("file is {} bytes; the limit is {} (1 MiB)", out.size(), kMaxYamlFileBytes);
    return false;
  }
  return true;
}

}  // namespace draftlint::detail
