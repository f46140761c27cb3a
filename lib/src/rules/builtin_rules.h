// The built-in rule pack, embedded at build time from rules/*.yml (see cmake/embed_rules.cmake).
#pragma once

#include <span>
#include <string_view>

namespace draftlint::detail {

struct EmbeddedRuleFile {
  std::string_view name;     // path under rules/, e.g. "platitude.yml", "recognizers/time.yml"
  std::string_view content;  // the YAML text
};

// Every embedded rule file, sorted by name. Valid for the life of the program.
std::span<const EmbeddedRuleFile> builtin_rule_files();

}  // namespace draftlint::detail
