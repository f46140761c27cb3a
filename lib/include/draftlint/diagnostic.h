// Diagnostics and problems: what linting a text and loading rules produce.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace draftlint {

// How serious a finding is. Ordered: suggestion < warning < error.
enum class Severity { suggestion = 0, warning = 1, error = 2 };

// "suggestion", "warning" or "error".
std::string_view to_string(Severity severity);

// Parses "suggestion" | "warning" | "error" (exact, lower case); nullopt otherwise.
std::optional<Severity> parse_severity(std::string_view name);

// A place in a text: 1-based line, 1-based column counted in Unicode code points.
struct Position {
  int line = 0;
  int column = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

// A replacement a writer can apply: `length` bytes at `offset` become `replacement`.
struct Fix {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string replacement;
};

// One finding in a text. Offsets are byte offsets into the text given to Linter::lint().
// `end` is the position just after the last character of the span (exclusive).
struct Diagnostic {
  std::string rule;       // rule id, e.g. "blame-shifting"
  Severity severity = Severity::warning;
  std::string message;    // what to do instead, with {match}/{replacement} filled in
  std::size_t offset = 0;
  std::size_t length = 0;
  Position start;
  Position end;
  std::string match;      // the text of the span
  std::optional<Fix> fix; // present for substitution rules
};

// Something wrong with a rule file, a pack or an option: where, and what.
// `line`/`column` are 1-based; 0 when the problem is not tied to a place in a file.
struct Problem {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;

  // "file:line:column: message" (the parts that are known).
  std::string to_string() const;
};

}  // namespace draftlint
