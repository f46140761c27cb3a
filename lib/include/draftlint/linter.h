// The Linter: a compiled, immutable rule set that lints texts, safely from many threads.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "draftlint/diagnostic.h"
#include "draftlint/rules.h"

namespace draftlint {

namespace detail {
struct CompiledRules;
}

// Which rules run and how loud they are. Defaults: every rule, at its own severity.
//   select    only these rule ids run (empty = all)
//   ignore    these rule ids never run (wins over select)
//   severity  per-rule severity overrides
struct LintOptions {
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::map<std::string, Severity, std::less<>> severity;
};

struct CompileResult;

// Compiles once, lints many. All matching is RE2 (linear time in the text, whatever the rule
// files say). Every pattern of every rule sits in one RE2::Set, so a text is scanned once to
// learn which patterns can match; only those are then run to locate their spans.
class Linter {
 public:
  // Builds the matcher for `rules` as filtered by `options`. An unknown id in select, ignore
  // or severity is a Problem; a rule whose patterns cannot be compiled is left out with a
  // Problem. The linter is usable whenever `linter` is non-null.
  static CompileResult compile(const RuleSet& rules, const LintOptions& options = {});

  // Lints UTF-8 text (a leading BOM is ignored; CRLF is fine). Returns the findings sorted by
  // offset, then rule id. Const and thread-safe: one Linter may serve many threads at once.
  std::vector<Diagnostic> lint(std::string_view text) const;

  // The rules this linter runs (after select/ignore), with severities as overridden.
  const RuleSet& rules() const;

  ~Linter();
  // Not copyable or movable: built once and shared through shared_ptr<const Linter>.
  Linter(const Linter&) = delete;
  Linter& operator=(const Linter&) = delete;

 private:
  Linter();
  std::unique_ptr<detail::CompiledRules> impl_;
};

struct CompileResult {
  std::shared_ptr<const Linter> linter;
  std::vector<Problem> problems;
  bool ok() const { return problems.empty(); }
};

}  // namespace draftlint
