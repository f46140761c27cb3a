// Printing diagnostics: compiler-style text, JSON and the CI formats (SARIF, GitHub Actions
// annotations, GitLab Code Quality), per-rule statistics, and keeping only the findings on
// changed lines.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "draftlint/diagnostic.h"
#include "draftlint/rules.h"

namespace draftlint {

// One linted file: its display path, its text and its findings.
struct FileReport {
  std::string path;
  std::string_view text;
  std::vector<Diagnostic> diagnostics;
};

// Compiler-style findings for one file: "path:line:col: severity: message [rule]", the source
// line (a window of it around the span when it is longer than 120 characters), carets under
// the span and, when there is a fix, the suggested replacement.
// `color` adds ANSI colours.
std::string format_text(const FileReport& report, bool color);

// One JSON array of every finding, ordered by path then offset. Each object has path, rule,
// severity, message, line, column, end_line, end_column, offset, length, match and, when
// present, fix {offset, length, replacement}.
std::string format_json(const std::vector<FileReport>& reports);

// --- CI formats -----------------------------------------------------------------------------
// All of them order findings like format_json(): by path, then offset.

// SARIF 2.1.0: one run whose tool.driver.rules are `rules` (each finding's ruleIndex points
// into them; a finding whose rule is missing gets a bare descriptor), columns in UTF-16 code
// units (run.columnKind "utf16CodeUnits", computed from each report's text), paths as
// relative URIs, and a `fixes` entry for every finding that has a fix.
std::string format_sarif(const std::vector<FileReport>& reports, const std::vector<RuleInfo>& rules);

// GitHub Actions workflow commands, one line per finding:
//   ::warning file=P,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE
// error → error, warning → warning, suggestion → notice; col and endColumn (code points,
// end exclusive) are left out when the span crosses lines.
std::string format_github(const std::vector<FileReport>& reports);

// A GitLab Code Quality report: a JSON array of {description, check_name, fingerprint,
// severity (error → major, warning → minor, suggestion → info), location {path, lines {begin}}}.
std::string format_gitlab(const std::vector<FileReport>& reports);

// A fingerprint per finding of `report` (same order as report.diagnostics) that survives edits
// elsewhere in the file: SHA-256 of the path, the rule, the matched text and the finding's
// index among the findings with the same rule and text (counted in offset order). Line
// numbers play no part.
std::vector<std::string> fingerprints(const FileReport& report);

// --- writing as the findings come -------------------------------------------------------------
// For runs too large to hold: each file is written when it is ready and can be freed right
// after. The bytes are the same as those of the functions above.

// One finding as format_text() prints it; `line` is the text of the line the finding starts
// on, without its line ending.
std::string format_text_finding(std::string_view path, const Diagnostic& diagnostic, std::string_view line, bool color);

// Where a writer's output goes, piece by piece.
using OutputSink = std::function<void(std::string_view)>;

enum class ReportFormat { json, sarif, github, gitlab };

// Writes one JSON, SARIF, GitHub or GitLab document report by report. The caller passes the
// reports in output order, sorted by path (the writer orders each report's findings by
// offset); a report's text need only live until add() returns. SARIF keeps its results in a
// temporary file until finish(), because the rules come first in the document.
class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  virtual void add(const FileReport& report) = 0;
  // Ends the document. `rules` are SARIF's tool.driver.rules (the other formats ignore them).
  virtual void finish(const std::vector<RuleInfo>& rules) = 0;
};

std::unique_ptr<ReportWriter> make_report_writer(ReportFormat format, OutputSink sink);

// --- statistics -------------------------------------------------------------------------------

struct RuleCount {
  std::string rule;
  std::size_t count = 0;
  std::size_t fixable = 0;  // how many of them carry a fix
};

// Findings per rule, sorted by count (highest first), then rule id.
std::vector<RuleCount> count_by_rule(const std::vector<FileReport>& reports);

// The same, one report at a time (the reports need not be kept).
class RuleCounter {
 public:
  void add(const FileReport& report);
  std::vector<RuleCount> counts() const;

 private:
  std::map<std::string, RuleCount, std::less<>> by_rule_;
};

// A small table: a header, then "COUNT  FIXABLE  RULE" rows; an empty string for no counts.
std::string format_statistics(const std::vector<RuleCount>& counts);

// --- changed lines ----------------------------------------------------------------------------

// 1-based, inclusive range of lines.
struct LineRange {
  int first = 0;
  int last = 0;
  friend bool operator==(const LineRange&, const LineRange&) = default;
};

// The new-side lines that a unified diff (e.g. `git diff --unified=0`) adds or changes, from
// its "@@ -a,b +c,d @@" hunk headers. Pure deletions (d = 0) add no line. Sorted, merged.
std::vector<LineRange> parse_diff_hunks(std::string_view unified_diff);

// True when the lines the finding covers meet one of `lines`. A span that ends at column 1 of
// a line (just after a line break) does not cover that line.
bool touches_lines(const Diagnostic& diagnostic, const std::vector<LineRange>& lines);

// The findings that touch `lines`, in their order.
std::vector<Diagnostic> filter_by_lines(std::vector<Diagnostic> diagnostics, const std::vector<LineRange>& lines);

}  // namespace draftlint
