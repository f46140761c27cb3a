// Cuts an RE2 regex into its top-level pieces, for the prefilter tool: the alternatives of a
// top-level `|`, or the items of a sequence (a character, escape, class or group with its
// quantifier). Only enough of RE2's syntax to keep pieces whole; anything it does not know
// makes it give up, and the tool then treats that part as matching any text.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace draftlint::tools {

struct RegexItem {
  std::string_view text;  // the item with its quantifier
  std::string_view atom;  // without the quantifier
  std::string_view body;  // a group's contents (after "(", "(?:", "(?i:" ...); empty otherwise
  bool group = false;
  bool flags_only = false;  // a standalone flag group such as "(?i)"
  bool optional = false;    // its quantifier allows zero repeats
};

// The alternatives of `regex`'s top level (one when it has no top-level `|`), or nothing.
std::optional<std::vector<std::string_view>> split_alternatives(std::string_view regex);

// The items of a sequence without a top-level `|`, or nothing.
std::optional<std::vector<RegexItem>> split_sequence(std::string_view regex);

}  // namespace draftlint::tools
