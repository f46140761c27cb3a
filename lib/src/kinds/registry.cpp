// The one visible table of rule kinds. Adding a kind: write kinds/<kind>.cpp with its parse
// function, declare it in kinds.h, add a row here.
#include <array>

#include "kinds/kinds.h"

namespace draftlint::detail {
namespace {

constexpr std::array<std::string_view, 13> kCommonKeys = {
    "kind",   "message",    "severity",   "description", "link",      "ignorecase", "scope",
    "tokens", "patterns",   "exceptions", "not_before",  "not_after", "examples"};

const std::vector<KindEntry>& table() {
  static const std::vector<KindEntry> kinds = {
      {"existence", "flag every match of the tokens and patterns", {}, {"match"}, true, parse_existence},
      {"substitution", "flag a phrase and suggest wording to put in its place, as a fix", {"swap", "regex"},
       {"match", "replacement"}, false, parse_substitution},
      {"required", "each scope unit must contain at least `min` matches", {"min", "anchor"}, {"min", "count"}, true,
       parse_required},
      {"occurrence", "at most `max` matches per scope unit", {"max"}, {"match", "count", "max"}, true,
       parse_occurrence},
      {"conditional", "where an `if` pattern matches, a `then` pattern must match too", {"if", "then"}, {"match"},
       false, parse_conditional},
      {"position", "the first match must come within the first `within` sentences", {"within"},
       {"match", "within", "position"}, true, parse_position},
      {"metric", "a measure of the text (sentence length, paragraph length, reading grade) against limits",
       {"metric", "min", "max"}, {"value", "min", "max", "metric"}, false, parse_metric},
  };
  return kinds;
}

}  // namespace

std::span<const std::string_view> common_keys() { return kCommonKeys; }

std::span<const KindEntry> registered_kinds() { return table(); }

const KindEntry* find_kind(std::string_view name) {
  for (const KindEntry& entry : table()) {
    if (entry.name == name) return &entry;
  }
  return nullptr;
}

}  // namespace draftlint::detail
