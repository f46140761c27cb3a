// --changed-since: the lines a unified diff touches, and the findings on them. Pure functions;
// running git is the caller's business.
#include <algorithm>
#include <charconv>

#include "draftlint/format.h"

namespace draftlint {
namespace {

// Parses "N" or "N,M" at the start of `s` (advancing it); count defaults to 1.
bool parse_range(std::string_view& s, int& start, int& count) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), start);
  if (ec != std::errc()) return false;
  s.remove_prefix(static_cast<std::size_t>(p - s.data()));
  count = 1;
  if (!s.empty() && s.front() == ',') {
    s.remove_prefix(1);
    const auto [q, ec2] = std::from_chars(s.data(), s.data() + s.size(), count);
    if (ec2 != std::errc()) return false;
    s.remove_prefix(static_cast<std::size_t>(q - s.data()));
  }
  return true;
}

}  // namespace

std::vector<LineRange> parse_diff_hunks(std::string_view diff) {
  std::vector<LineRange> ranges;
  std::size_t pos = 0;
  while (pos < diff.size()) {
    std::size_t end = diff.find('\n', pos);
    if (end == std::string_view::npos) end = diff.size();
    std::string_view line = diff.substr(pos, end - pos);
    pos = end + 1;
    if (!line.starts_with("@@ -")) continue;
    line.remove_prefix(4);
    int old_start = 0, old_count = 0, new_start = 0, new_count = 0;
    if (!parse_range(line, old_start, old_count) || !line.starts_with(" +")) continue;
    line.remove_prefix(2);
    if (!parse_range(line, new_start, new_count) || !line.starts_with(" @@")) continue;
    if (new_count > 0) ranges.push_back({new_start, new_start + new_count - 1});
  }
  std::sort(ranges.begin(), ranges.end(), [](const LineRange& a, const LineRange& b) { return a.first < b.first; });
  std::vector<LineRange> merged;
  for (const LineRange& r : ranges) {
    if (!merged.empty() && r.first <= merged.back().last + 1) {
      merged.back().last = std::max(merged.back().last, r.last);
    } else {
      merged.push_back(r);
    }
  }
  return merged;
}

bool touches_lines(const Diagnostic& d, const std::vector<LineRange>& lines) {
  const int first = d.start.line;
  const int last = d.end.line > d.start.line && d.end.column == 1 ? d.end.line - 1 : std::max(d.end.line, first);
  return std::any_of(lines.begin(), lines.end(), [&](const LineRange& r) { return r.first <= last && first <= r.last; });
}

std::vector<Diagnostic> filter_by_lines(std::vector<Diagnostic> diagnostics, const std::vector<LineRange>& lines) {
  std::erase_if(diagnostics, [&](const Diagnostic& d) { return !touches_lines(d, lines); });
  return diagnostics;
}

}  // namespace draftlint
