// A pre-scan of YAML text before yaml-cpp parses it: yaml-cpp recurses once per nesting level
// (100,000 '[' overflow the stack) and aliases let a small file expand exponentially when it is
// walked. The scan is linear and conservative: it follows quoting and comments, not the grammar.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "draftlint/diagnostic.h"

namespace draftlint::detail {

inline constexpr std::size_t kMaxYamlNesting = 64;   // flow brackets plus block indentation levels
inline constexpr std::size_t kMaxYamlBlindNesting = 512;  // every '[' '{', even quoted ones
inline constexpr std::size_t kMaxYamlAliases = 16;   // '*name' references
inline constexpr std::size_t kMaxYamlAnchors = 64;   // '&name' definitions

struct YamlLimitError {
  int line = 0;    // 1-based
  int column = 0;  // 1-based (bytes)
  std::string message;
};

// nullopt when `text` is within the limits above.
std::optional<YamlLimitError> check_yaml_limits(std::string_view text);

// Checks the limits, then parses with yaml-cpp. On failure appends one Problem (file, line,
// column, what is wrong) and returns nullopt; never throws.
std::optional<YAML::Node> load_yaml(std::string_view text, const std::string& origin, std::vector<Problem>& problems);

}  // namespace draftlint::detail
