// Compiler-style text output: location, severity, message, rule; the line; carets; the fix.
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

// Spaces (tabs kept) as wide as `prefix`, so the carets line up under a terminal's rendering.
std::string indent_like(std::string_view prefix) {
  std::string out;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const auto c = static_cast<unsigned char>(prefix[i]);
    if (c == '\t') {
      out += '\t';
    } else if (!detail::is_continuation_byte(c)) {
      out += ' ';
    }
  }
  return out;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += detail::is_continuation_byte(static_cast<unsigned char>(c)) ? 0 : 1;
  return n;
}

}  // namespace

std::string format_text_finding(std::string_view path, const Diagnostic& d, std::string_view line, bool color) {
  const Palette& p = color ? kColor : kPlain;
  std::string out = fmt::format("{}{}:{}:{}:{} {}{}:{} {}{} [{}]{}\n", p.bold, path, d.start.line, d.start.column, p.reset,
                                severity_color(p, d.severity), to_string(d.severity), p.reset, d.message, p.dim, d.rule, p.reset);
  const std::string gutter = fmt::format("{:>5}", d.start.line);
  out += fmt::format("{} | {}\n", gutter, line);
  // The span's part on its first line, measured in code points of that line.
  const std::size_t line_offset = static_cast<std::size_t>(d.start.column - 1);
  std::size_t prefix_bytes = 0;
  for (std::size_t seen = 0; prefix_bytes < line.size() && seen < line_offset;) {
    prefix_bytes = detail::next_code_point(line, prefix_bytes);
    ++seen;
  }
  const std::size_t span_on_line = d.end.line == d.start.line ? static_cast<std::size_t>(d.end.column - d.start.column)
                                                              : code_points(line.substr(prefix_bytes));
  out += fmt::format("{} | {}{}^{}{}\n", std::string(gutter.size(), ' '), indent_like(line.substr(0, prefix_bytes)), p.green,
                     std::string(span_on_line > 1 ? span_on_line - 1 : 0, '~'), p.reset);
  if (d.fix) {
    out += fmt::format("{} = {}replace with:{} \"{}\"\n", std::string(gutter.size(), ' '), p.bold, p.reset, d.fix->replacement);
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
