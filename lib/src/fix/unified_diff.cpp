// Unified diffs of two texts, line by line (Myers' O((N+M)·D) algorithm: fixes change few
// lines, so D is small even in long files).
#include <algorithm>

#include <fmt/format.h>

#include "draftlint/fix.h"

namespace draftlint {
namespace {

// Lines with their line breaks, so a missing final break is a difference too.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t newline = text.find('\n', start);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

enum class Op { keep, remove, add };

struct Edit {
  Op op;
  std::size_t old_line;  // 0-based; for `add`, the old lines before it
  std::size_t new_line;  // 0-based; for `remove`, the new lines before it
};

// The shortest edit script from `a` to `b`.
std::vector<Edit> diff_lines(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  const auto n = static_cast<std::ptrdiff_t>(a.size());
  const auto m = static_cast<std::ptrdiff_t>(b.size());
  const std::ptrdiff_t max = n + m;
  std::vector<std::ptrdiff_t> v(static_cast<std::size_t>(2 * max + 2), 0);
  auto at = [&](std::vector<std::ptrdiff_t>& vec, std::ptrdiff_t k) -> std::ptrdiff_t& {
    return vec[static_cast<std::size_t>(k + max + 1)];
  };
  std::vector<std::vector<std::ptrdiff_t>> trace;
  for (std::ptrdiff_t d = 0; d <= max; ++d) {
    trace.push_back(v);
    bool done = false;
    for (std::ptrdiff_t k = -d; k <= d; k += 2) {
      std::ptrdiff_t x = (k == -d || (k != d && at(v, k - 1) < at(v, k + 1))) ? at(v, k + 1) : at(v, k - 1) + 1;
      std::ptrdiff_t y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) ++x, ++y;
      at(v, k) = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    if (done) break;
  }

  std::vector<Edit> edits;
  std::ptrdiff_t x = n, y = m;
  for (auto d = static_cast<std::ptrdiff_t>(trace.size()) - 1; d >= 0; --d) {
    std::vector<std::ptrdiff_t>& before = trace[static_cast<std::size_t>(d)];
    const std::ptrdiff_t k = x - y;
    const std::ptrdiff_t prev_k = (k == -d || (k != d && at(before, k - 1) < at(before, k + 1))) ? k + 1 : k - 1;
    const std::ptrdiff_t prev_x = at(before, prev_k);
    const std::ptrdiff_t prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      --x, --y;
      edits.push_back({Op::keep, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
    }
    if (d > 0) {
      if (x == prev_x) {
        edits.push_back({Op::add, static_cast<std::size_t>(x), static_cast<std::size_t>(prev_y)});
      } else {
        edits.push_back({Op::remove, static_cast<std::size_t>(prev_x), static_cast<std::size_t>(y)});
      }
    }
    x = prev_x;
    y = prev_y;
  }
  std::reverse(edits.begin(), edits.end());
  return edits;
}

// "N" or "N,M" as diff writes ranges: an empty range names the line before it.
std::string range(std::size_t first, std::size_t count) {
  if (count == 1) return fmt::format("{}", first + 1);
  return fmt::format("{},{}", count == 0 ? first : first + 1, count);
}

void append_line(std::string& out, char prefix, std::string_view line) {
  out += prefix;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

std::string label(std::string_view side, std::string_view path) {
  while (path.starts_with("./")) path.remove_prefix(2);
  while (path.starts_with('/')) path.remove_prefix(1);
  return fmt::format("{}/{}", side, path);
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view path, int context) {
  if (before == after) return {};
  const std::vector<std::string_view> a = split_lines(before);
  const std::vector<std::string_view> b = split_lines(after);
  const std::vector<Edit> edits = diff_lines(a, b);
  const auto ctx = static_cast<std::size_t>(std::max(context, 0));

  std::string out = fmt::format("--- {}\n+++ {}\n", label("a", path), label("b", path));
  std::size_t i = 0;
  while (i < edits.size()) {
    if (edits[i].op == Op::keep) {
      ++i;
      continue;
    }
    // A hunk: this change and every later one no more than 2·context kept lines away.
    const std::size_t begin = i >= ctx ? i - ctx : 0;
    std::size_t last_change = i;
    for (std::size_t j = i + 1; j < edits.size() && j <= last_change + 2 * ctx + 1; ++j) {
      if (edits[j].op != Op::keep) last_change = j;
    }
    const std::size_t end = std::min(edits.size(), last_change + 1 + ctx);
    std::size_t old_count = 0, new_count = 0;
    for (std::size_t j = begin; j < end; ++j) {
      old_count += edits[j].op != Op::add;
      new_count += edits[j].op != Op::remove;
    }
    out += fmt::format("@@ -{} +{} @@\n", range(edits[begin].old_line, old_count), range(edits[begin].new_line, new_count));
    for (std::size_t j = begin; j < end; ++j) {
      const Edit& e = edits[j];
      if (e.op == Op::keep) append_line(out, ' ', a[e.old_line]);
      if (e.op == Op::remove) append_line(out, '-', a[e.old_line]);
      if (e.op == Op::add) append_line(out, '+', b[e.new_line]);
    }
    i = end;
  }
  return out;
}

}  // namespace draftlint
