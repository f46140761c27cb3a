// Glob matching for configuration `exclude` and `overrides` (syntax in config.h).
#include <re2/re2.h>

#include "draftlint/config.h"

namespace draftlint {
namespace {

std::string glob_to_regex(std::string_view glob) {
  std::string out = "^";
  if (glob.find('/') == std::string_view::npos) {
    out += "(?:.*/)?";  // a bare name matches in any directory
  } else if (glob.starts_with("/")) {
    glob.remove_prefix(1);
  }
  for (std::size_t i = 0; i < glob.size(); ++i) {
    const char c = glob[i];
    if (c == '*') {
      if (i + 1 < glob.size() && glob[i + 1] == '*') {
        ++i;
        if (i + 1 < glob.size() && glob[i + 1] == '/') {
          ++i;
          out += "(?:.*/)?";
        } else {
          out += ".*";
        }
      } else {
        out += "[^/]*";
      }
    } else if (c == '?') {
      out += "[^/]";
    } else if (c == '[') {
      const std::size_t close = glob.find(']', i + 1);
      if (close == std::string_view::npos) {
        out += "\\[";
      } else {
        std::string cls(glob.substr(i + 1, close - i - 1));
        if (!cls.empty() && cls[0] == '!') cls[0] = '^';
        out += "[" + cls + "]";
        i = close;
      }
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '/' || static_cast<unsigned char>(c) >= 0x80) {
      out += c;
    } else {
      out += '\\';
      out += c;
    }
  }
  // A directory glob covers everything below it.
  out += "(?:/.*)?$";
  return out;
}

}  // namespace

bool glob_match(std::string_view glob, std::string_view relative_path) {
  RE2::Options options;
  options.set_log_errors(false);
  const RE2 re(glob_to_regex(glob), options);
  return re.ok() && RE2::FullMatch(re2::StringPiece(relative_path.data(), relative_path.size()), re);
}

}  // namespace draftlint
