// YAML pre-scan (see yaml_guard.h).
#include "rules/yaml_guard.h"

#include <vector>

#include <fmt/format.h>

namespace draftlint::detail {

std::optional<YamlLimitError> check_yaml_limits(std::string_view text) {
  std::vector<std::size_t> indents;  // block indentation levels open before this line
  std::size_t flow = 0;               // open '[' and '{' outside quotes and comments
  std::size_t blind = 0;              // open '[' and '{' anywhere: the scan cannot be fooled
                                      // into thinking a real bracket is quoted
  std::size_t aliases = 0, anchors = 0;
  char quote = 0;                     // inside a quoted scalar: '"' or '\''
  std::size_t line = 1;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    const std::string_view row = text.substr(pos, end - pos);
    auto fail = [&](std::size_t col, std::string message) {
      return YamlLimitError{static_cast<int>(line), static_cast<int>(col + 1), std::move(message)};
    };
    std::size_t i = 0;
    for (std::size_t k = 0; k < row.size(); ++k) {
      if (row[k] == '[' || row[k] == '{') {
        if (++blind > kMaxYamlBlindNesting) {
          return fail(k, fmt::format("YAML nested too deeply (more than {} open brackets)", kMaxYamlBlindNesting));
        }
      } else if ((row[k] == ']' || row[k] == '}') && blind > 0) {
        --blind;
      }
    }
    {
      // Block structure: leading spaces plus compact "- " / "? " indicators each open a level.
      std::size_t indent = 0;
      while (indent < row.size() && row[indent] == ' ') ++indent;
      std::size_t levels_here = 0;
      std::size_t j = indent;
      while (j + 1 < row.size() && (row[j] == '-' || row[j] == '?') && row[j + 1] == ' ') {
        ++levels_here;
        j += 2;
        while (j < row.size() && row[j] == ' ') ++j;
        if (levels_here > kMaxYamlNesting) break;
      }
      const bool blank = indent == row.size() || row[indent] == '#' || row[indent] == '\r';
      if (!blank) {
        while (!indents.empty() && indents.back() >= indent) indents.pop_back();
        indents.push_back(indent);
        if (indents.size() + levels_here > kMaxYamlNesting) {
          return fail(indent, fmt::format("YAML nested too deeply (more than {} levels)", kMaxYamlNesting));
        }
      }
    }
    bool token_start = true;  // at the start of a line or after white space / a flow indicator
    bool value_start = true;  // where a scalar may begin: line start, after "- ", ": ", '[', '{', ','
    for (; i < row.size(); ++i) {
      const char c = row[i];
      if (quote == '"') {
        if (c == '\\') {
          ++i;
        } else if (c == '"') {
          quote = 0;
          token_start = false;
        }
        continue;
      }
      if (quote == '\'') {
        if (c == '\'') {
          if (i + 1 < row.size() && row[i + 1] == '\'') {
            ++i;
          } else {
            quote = 0;
            token_start = false;
          }
        }
        continue;
      }
      if (c == '#' && token_start) break;  // a comment
      if (value_start && (c == '"' || c == '\'')) {
        quote = c;
        continue;
      }
      const bool named = i + 1 < row.size() && row[i + 1] != ' ' && row[i + 1] != '\t' && row[i + 1] != '\r';
      if (token_start && named && c == '*') {
        if (++aliases > kMaxYamlAliases) {
          return fail(i, fmt::format("too many YAML aliases (more than {}); write the values out", kMaxYamlAliases));
        }
      } else if (token_start && named && c == '&') {
        if (++anchors > kMaxYamlAnchors) {
          return fail(i, fmt::format("too many YAML anchors (more than {})", kMaxYamlAnchors));
        }
      } else if (c == '[' || c == '{') {
        if (++flow + indents.size() > kMaxYamlNesting) {
          return fail(i, fmt::format("YAML nested too deeply (more than {} levels)", kMaxYamlNesting));
        }
      } else if ((c == ']' || c == '}') && flow > 0) {
        --flow;
      }
      const bool indicator = c == '[' || c == '{' || c == ',' ||
                             ((c == ':' || c == '-' || c == '?') && (i + 1 == row.size() || row[i + 1] == ' '));
      const bool space = c == ' ' || c == '\t';
      token_start = space || indicator;
      if (indicator) {
        value_start = true;
      } else if (!space) {
        value_start = false;
      }
    }
    if (end == text.size()) break;
    pos = end + 1;
    ++line;
  }
  return std::nullopt;
}

std::optional<YAML::Node> load_yaml(std::string_view text, const std::string& origin, std::vector<Problem>& problems) {
  if (auto limit = check_yaml_limits(text)) {
    problems.push_back({origin, limit->line, limit->column, limit->message});
    return std::nullopt;
  }
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    problems.push_back({origin, e.mark.line + 1, e.mark.column + 1, "invalid YAML: " + e.msg});
    return std::nullopt;
  }
}

}  // namespace draftlint::detail
