// Compiler-style text output: location, severity, message, rule; the line; carets; the fix.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

#include <fmt/format.h>

#include "draftlint/document.h"
#include "draftlint/format.h"
#include "text/utf8.h"

namespace draftlint {
namespace {

struct Palette {
  std::string_view bold, red, yellow, cyan, green, dim, reset;
};

constexpr Palette kColor{"\x1b[1m", "\x1b[1;31m", "\x1b[1;33m", "\x1b[1;36m", "\x1b[32m", "\x1b[2m", "\x1b[0m"};
constexpr Palette kPlain{"", "", "", "", "", "", ""};

std::string_view severity_color(const Palette& p, Severity s) {
  return s == Severity::error ? p.red : s == Severity::warning ? p.yellow : p.cyan;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += detail::is_continuation_byte(static_cast<unsigned char>(c)) ? 0 : 1;
  return n;
}

// Appends spaces (tabs kept) as wide as `prefix`, so the carets line up under a terminal's
// rendering. Most prefixes hold no tab: one append then.
void append_indent_like(std::string& out, std::string_view prefix) {
  if (prefix.find('\t') == std::string_view::npos) {
    out.append(code_points(prefix), ' ');
    return;
  }
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const auto c = static_cast<unsigned char>(prefix[i]);
    if (c == '\t') {
      out += '\t';
    } else if (!detail::is_continuation_byte(c)) {
      out += ' ';
    }
  }
}

// How many bytes the first `count` code points of `line` take (all of it if it is shorter).
// ASCII goes eight bytes at a time: this runs over the start of the line for every finding.
std::size_t bytes_of_code_points(std::string_view line, std::size_t count) {
  std::size_t at = 0, seen = 0;
  while (at < line.size() && seen < count) {
    if (count - seen >= 8 && line.size() - at >= 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, line.data() + at, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        at += 8;
        seen += 8;
        continue;
      }
    }
    at = static_cast<unsigned char>(line[at]) < 0x80 ? at + 1 : detail::next_code_point(line, at);
    ++seen;
  }
  return at;
}

// A line longer than this (in code points) is shown as a window around the finding: a
// paragraph written as one line would otherwise be printed whole for each of its findings,
// and a terminal wraps it so that the carets no longer sit under the words.
constexpr std::size_t kWholeLineColumns = 120;
constexpr std::size_t kContextBefore = 30;  // code points shown before the span in a window
constexpr std::string_view kCut = "...";

// The part of a line shown for a finding starting at code point `start`: [from, to) in code
// points, and whether each end is cut (and marked with kCut).
struct Shown {
  std::size_t from = 0, to = std::string_view::npos;
  bool cut_before = false, cut_after = false;
};

Shown shown_part(std::string_view line, std::size_t start) {
  // A line of at most kWholeLineColumns bytes has no more code points: whole, uncounted.
  if (line.size() <= kWholeLineColumns) return {};
  const std::size_t columns = code_points(line);
  if (columns <= kWholeLineColumns) return {};
  const std::size_t width = kWholeLineColumns - 2 * kCut.size();
  std::size_t from = start > kContextBefore ? start - kContextBefore : 0;
  from = std::min(from, columns - width);  // near the end of the line, fill the window
  const std::size_t to = std::min(columns, from + width);
  return {from, to, from > 0, to < columns};
}

}  // namespace

std::string format_text_finding(std::string_view path, const Diagnostic& d, std::string_view line, bool color) {
  // One string, appended to in place: this runs for every finding of a run.
  const Palette& p = color ? kColor : kPlain;
  std::string out;
  out.reserve(path.size() + d.message.size() + 3 * std::min(line.size(), 4 * kWholeLineColumns) + 96);
  // "path:line:column: severity: message [rule]", then "{:>5} | line".
  const fmt::format_int line_number(d.start.line);
  const fmt::format_int column(d.start.column);
  out.append(p.bold).append(path).append(":").append(line_number.data(), line_number.size());
  out.append(":").append(column.data(), column.size()).append(":").append(p.reset).append(" ");
  out.append(severity_color(p, d.severity)).append(to_string(d.severity)).append(":").append(p.reset).append(" ");
  out.append(d.message).append(p.dim).append(" [").append(d.rule).append("]").append(p.reset).append("\n");
  const std::size_t gutter_width = std::max<std::size_t>(5, line_number.size());  // "{:>5}"
  out.append(gutter_width - line_number.size(), ' ');
  out.append(line_number.data(), line_number.size());
  out += " | ";
  // The span's part on its first line, measured in code points of that line.
  const std::size_t line_offset = static_cast<std::size_t>(d.start.column - 1);
  const Shown shown = shown_part(line, line_offset);
  const std::string_view rest = line.substr(bytes_of_code_points(line, shown.from));
  const std::size_t prefix_bytes = bytes_of_code_points(rest, line_offset - shown.from);
  if (shown.cut_before) out += kCut;
  out += shown.cut_after ? rest.substr(0, bytes_of_code_points(rest, shown.to - shown.from)) : rest;
  if (shown.cut_after) out += kCut;
  out += '\n';
  std::size_t span_on_line = d.end.line == d.start.line ? static_cast<std::size_t>(d.end.column - d.start.column)
                                                        : code_points(rest.substr(prefix_bytes));
  if (shown.cut_after) span_on_line = std::min(span_on_line, shown.to > line_offset ? shown.to - line_offset : 0);
  out.append(gutter_width, ' ');
  out += " | ";
  if (shown.cut_before) out.append(kCut.size(), ' ');
  append_indent_like(out, rest.substr(0, prefix_bytes));
  out += p.green;
  out += '^';
  out.append(span_on_line > 1 ? span_on_line - 1 : 0, '~');
  out += p.reset;
  out += '\n';
  if (d.fix) {
    out.append(gutter_width, ' ');
    out.append(" = ").append(p.bold).append("replace with:").append(p.reset).append(" \"");
    out.append(d.fix->replacement).append("\"\n");
  }
  return out;
}

std::string format_text(const FileReport& report, bool color) {
  const LineIndex lines(report.text);
  std::string out;
  for (const Diagnostic& d : report.diagnostics) out += format_text_finding(report.path, d, lines.line_text(d.start.line), color);
  return out;
}

}  // namespace draftlint
