// Printing diagnostics: compiler-style text and JSON.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "draftlint/diagnostic.h"

namespace draftlint {

// One linted file: its display path, its text and its findings.
struct FileReport {
  std::string path;
  std::string_view text;
  std::vector<Diagnostic> diagnostics;
};

// Compiler-style findings for one file: "path:line:col: severity: message [rule]", the source
// line, carets under the span and, when there is a fix, the suggested replacement.
// `color` adds ANSI colours.
std::string format_text(const FileReport& report, bool color);

// One JSON array of every finding, ordered by path then offset. Each object has path, rule,
// severity, message, line, column, end_line, end_column, offset, length, match and, when
// present, fix {offset, length, replacement}.
std::string format_json(const std::vector<FileReport>& reports);

}  // namespace draftlint
