// Helpers shared by the build-time tools that write C++ sources (embed_rules, prefilters).
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace draftlint::tools {

// A C++ string literal for `text`: octal escapes for everything but printable ASCII, so no
// escape can run into the character after it.
inline std::string cpp_literal(const std::string& text) {
  std::string out = "\"";
  for (const unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\%03o", c);
      out += escape;
    }
  }
  return out + "\"";
}

// Writes `source` to `output` unless the file already holds exactly that, so an unchanged
// result triggers no rebuild. Returns false (after saying so on stderr) when it cannot write.
inline bool write_if_changed(const std::filesystem::path& output, const std::string& source, const char* tool) {
  std::ifstream previous(output, std::ios::binary);
  std::stringstream old;
  old << previous.rdbuf();
  if (previous && old.str() == source) return true;
  previous.close();
  std::ofstream out(output, std::ios::binary | std::ios::trunc);
  out << source;
  out.close();
  if (!out) {
    std::cerr << tool << ": cannot write " << output << "\n";
    return false;
  }
  return true;
}

}  // namespace draftlint::tools
