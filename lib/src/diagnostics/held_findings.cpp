// Turning held findings into Diagnostics (see held_findings.h).
#include "diagnostics/held_findings.h"

#include <algorithm>
#include <numeric>

#include "diagnostics/suppressions.h"

namespace draftlint::detail {
namespace {

// Each Held is made a Diagnostic once: its replacement is moved out of `collected`.
Diagnostic to_diagnostic(const Rule& rule, const Held& f, HeldFindings& collected, const PreparedText& prepared,
                         std::string_view text, const LineIndex& lines) {
  Diagnostic d;
  d.rule = rule.id;
  d.severity = rule.severity;
  d.message = collected.table.text(f.message);
  const std::size_t begin = prepared.original_begin(f.offset);
  const std::size_t end = std::max(begin, prepared.original_end(f.offset + f.length));
  d.offset = begin;
  d.length = end - begin;
  d.start = lines.position(begin);
  d.end = lines.position(end);
  d.match = std::string(text.substr(begin, end - begin));
  if (f.replacement) d.fix = Fix{begin, end - begin, std::move(collected.replacements[f.replacement - 1])};
  return d;
}

Diagnostic unused_disable(const Suppression& s, std::string_view text, const LineIndex& lines) {
  Diagnostic d;
  d.rule = std::string(kUnusedDisableRule);
  d.severity = Severity::warning;
  d.message = "This draftlint-disable comment silenced nothing; remove it.";
  d.offset = s.directive_offset;
  d.length = s.directive_length;
  d.start = lines.position(s.directive_offset);
  d.end = lines.position(s.directive_offset + s.directive_length);
  d.match = std::string(text.substr(s.directive_offset, s.directive_length));
  return d;
}

// Sorts by offset, then rule id, keeping the order of equals, as std::stable_sort would; but
// it sorts indexes and then moves each Diagnostic (192 bytes) once into place, where
// std::stable_sort would take a buffer of half as many Diagnostics again.
void sort_by_offset(std::vector<Diagnostic>& diagnostics) {
  std::vector<std::size_t> from(diagnostics.size());
  std::iota(from.begin(), from.end(), std::size_t{0});
  std::stable_sort(from.begin(), from.end(), [&](std::size_t a, std::size_t b) {
    const Diagnostic& x = diagnostics[a];
    const Diagnostic& y = diagnostics[b];
    if (x.offset != y.offset) return x.offset < y.offset;
    return x.rule < y.rule;
  });
  // Place i takes diagnostics[from[i]]: follow each cycle of the permutation once, marking
  // each place done by pointing it at itself.
  for (std::size_t i = 0; i < from.size(); ++i) {
    if (from[i] == i) continue;
    Diagnostic held = std::move(diagnostics[i]);
    std::size_t place = i;
    while (from[place] != i) {
      const std::size_t next = from[place];
      diagnostics[place] = std::move(diagnostics[next]);
      from[place] = place;
      place = next;
    }
    diagnostics[place] = std::move(held);
    from[place] = place;
  }
}

}  // namespace

// The findings as Diagnostics of the original text, in one allocation of the exact size.
// Each entry's findings are freed once converted, the entry with most findings first, so
// that the fewest are still held while the last Diagnostics are made.
std::vector<Diagnostic> to_diagnostics(const std::vector<std::shared_ptr<const Rule>>& rules, HeldFindings& collected, const PreparedText& prepared,
                                       std::string_view text, const DocumentOptions& options) {
  std::vector<std::vector<Held>>& findings = collected.findings;
  std::vector<Suppression> suppressions = find_suppressions(text, options.format);
  std::size_t total = options.report_unused_disables ? suppressions.size() : 0;
  for (const std::vector<Held>& list : findings) total += list.size();
  const LineIndex lines(text);
  std::vector<Diagnostic> diagnostics;
  diagnostics.reserve(total);
  std::vector<std::size_t> most_first(findings.size());
  std::iota(most_first.begin(), most_first.end(), std::size_t{0});
  std::stable_sort(most_first.begin(), most_first.end(),
                   [&](std::size_t a, std::size_t b) { return findings[a].size() > findings[b].size(); });
  for (std::size_t i : most_first) {
    for (const Held& f : findings[i]) {
      diagnostics.push_back(to_diagnostic(*rules[i], f, collected, prepared, text, lines));
    }
    std::vector<Held>().swap(findings[i]);
  }
  apply_suppressions(diagnostics, suppressions);
  if (options.report_unused_disables) {
    for (const Suppression& s : suppressions) {
      if (!s.used) diagnostics.push_back(unused_disable(s, text, lines));
    }
  }
  sort_by_offset(diagnostics);
  return diagnostics;
}

// The findings as Diagnostics in the order to_diagnostics gives (offset, rule id, then the
// order a check found them), made and handed to `each` one at a time. Needs no report of
// unused suppressions: those are known only once every finding was seen.
void each_sorted(const std::vector<std::shared_ptr<const Rule>>& rules, HeldFindings& collected, const PreparedText& prepared, std::string_view text,
                 InputFormat format, const std::function<void(Diagnostic&&)>& each) {
  struct Ref {
    std::size_t offset;  // in the original text
    std::uint32_t entry;
    std::uint32_t index;
  };
  std::vector<Ref> order;
  std::size_t total = 0;
  for (const std::vector<Held>& list : collected.findings) total += list.size();
  order.reserve(total);
  for (std::size_t i = 0; i < collected.findings.size(); ++i) {
    for (std::size_t j = 0; j < collected.findings[i].size(); ++j) {
      order.push_back({prepared.original_begin(collected.findings[i][j].offset), static_cast<std::uint32_t>(i),
                       static_cast<std::uint32_t>(j)});
    }
  }
  std::sort(order.begin(), order.end(), [&](const Ref& a, const Ref& b) {
    if (a.offset != b.offset) return a.offset < b.offset;
    if (a.entry != b.entry) return rules[a.entry]->id < rules[b.entry]->id;
    return a.index < b.index;
  });
  std::vector<Suppression> suppressions = find_suppressions(text, format);
  const LineIndex lines(text);
  std::vector<Diagnostic> one;  // apply_suppressions filters a vector
  for (const Ref& r : order) {
    one.clear();
    one.push_back(to_diagnostic(*rules[r.entry], collected.findings[r.entry][r.index], collected, prepared,
                                text, lines));
    apply_suppressions(one, suppressions);
    if (!one.empty()) each(std::move(one.front()));
  }
}

}  // namespace draftlint::detail
