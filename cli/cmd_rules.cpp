// `draftlint rules` (a table of the rules) and `draftlint explain RULE` (one rule in full).
#include <algorithm>

#include <fmt/core.h>

#include "commands.h"
#include "pack.h"

namespace draftlint::cli {

int run_rules(const PackOptions& pack, const LintCommand& lint) {
  auto rules = load_pack(pack, lint);
  if (!rules) return kError;
  const auto infos = rules->info();
  std::size_t id_width = 2;
  std::size_t kind_width = 4;
  for (const RuleInfo& r : infos) {
    id_width = std::max(id_width, r.id.size());
    kind_width = std::max(kind_width, r.kind.size());
  }
  fmt::print("{:<{}}  {:<{}}  {:<10}  {}\n", "ID", id_width, "KIND", kind_width, "SEVERITY", "MESSAGE");
  for (const RuleInfo& r : infos) {
    fmt::print("{:<{}}  {:<{}}  {:<10}  {}\n", r.id, id_width, r.kind, kind_width, to_string(r.severity), r.message);
  }
  return kClean;
}

int run_explain(const PackOptions& pack, const LintCommand& lint, const ExplainCommand& command) {
  auto rules = load_pack(pack, lint);
  if (!rules) return kError;
  const auto info = rules->info(command.rule);
  if (!info) {
    fmt::print(stderr, "draftlint: error: no rule named '{}' (see `draftlint rules`)\n", command.rule);
    return kError;
  }
  fmt::print("{} ({}, {}, scope: {})\n\n", info->id, info->kind, to_string(info->severity), info->scope);
  fmt::print("Message: {}\n", info->message);
  if (!info->description.empty()) {
    std::string_view description = info->description;
    while (!description.empty() && description.back() == '\n') description.remove_suffix(1);
    fmt::print("\n{}\n", description);
  }
  if (!info->bad_examples.empty()) {
    fmt::print("\nFlagged:\n");
    for (const std::string& e : info->bad_examples) fmt::print("  ✗ {}\n", e);
  }
  if (!info->good_examples.empty()) {
    fmt::print("\nNot flagged:\n");
    for (const std::string& e : info->good_examples) fmt::print("  ✓ {}\n", e);
  }
  if (!info->link.empty()) fmt::print("\nMore: {}\n", info->link);
  fmt::print("\nDefined in {}\n", info->origin);
  return kClean;
}

}  // namespace draftlint::cli
