// Compiling a RuleSet into a Linter, and linting a text: mask → segment → gate → check → sort.
#include "draftlint/linter.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "compile/pattern_table.h"
#include "diagnostics/suppressions.h"
#include "draftlint/document.h"
#include "kinds/kind.h"
#include "rules/rule.h"
#include "rules/rule_parser.h"
#include "segment/in_place_mask.h"
#include "segment/prepare.h"
#include "segment/segmenter.h"

namespace draftlint {
namespace detail {

struct CompiledRules {
  RuleSet rules;
  PatternTable table;
  struct Entry {
    std::shared_ptr<const Rule> rule;
    std::unique_ptr<CompiledCheck> check;
  };
  std::vector<Entry> entries;
  std::vector<int> accept_ids;  // the `accept` vocabulary, in the pattern table
};

namespace {

bool listed(const std::vector<std::string>& list, std::string_view id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

void check_ids(const RuleSet& rules, const std::vector<std::string>& ids, std::string_view option,
               std::vector<Problem>& problems) {
  for (const std::string& id : ids) {
    if (!rules.contains(id)) problems.push_back({"", 0, 0, fmt::format("{}: no rule named '{}'", option, id)});
  }
}

// The findings' messages, each distinct text stored once: a rule that flags the same words
// again and again renders the same message, and a large file has hundreds of thousands.
class MessageTable {
 public:
  // Takes `message` (leaving it empty, its memory freed) and returns its id.
  std::uint32_t add(std::string& message) {
    const auto [it, inserted] = ids_.try_emplace(std::move(message), static_cast<std::uint32_t>(texts_.size()));
    if (inserted) texts_.push_back(&it->first);
    std::string().swap(message);
    return it->second;
  }
  const std::string& text(std::uint32_t id) const { return *texts_[id]; }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<const std::string*> texts_;  // by id; map nodes do not move
};

// A finding held until it becomes a Diagnostic: 24 bytes where a Finding takes 96.
struct Held {
  std::size_t offset = 0;  // in the prose
  std::size_t length = 0;
  std::uint32_t message = 0;      // in Collected::table
  std::uint32_t replacement = 0;  // 1 + its index in Collected::replacements; 0 for none
};

// Every finding of one lint, per entry.
struct Collected {
  std::vector<std::vector<Held>> findings;
  MessageTable table;
  std::vector<std::string> replacements;

  Held hold(Finding& f) {
    Held h{f.offset, f.length, table.add(f.message), 0};
    if (f.replacement) {
      replacements.push_back(std::move(*f.replacement));
      h.replacement = static_cast<std::uint32_t>(replacements.size());
    }
    return h;
  }
};

// Runs every check over the prose, dropping findings on an accepted phrase. The segmentation
// and the matches go away on return, before any Diagnostic exists.
Collected run_checks(const CompiledRules& impl, std::string_view prose) {
  const Segmentation segments = segment(prose);
  std::vector<std::size_t> chunk_starts;
  chunk_starts.reserve(segments.paragraphs.size());
  for (const Span& paragraph : segments.paragraphs) chunk_starts.push_back(paragraph.begin);
  MatchCache matches(impl.table, prose, chunk_starts);
  const CheckContext context{prose, segments, matches};
  auto accepted = [&](const Finding& f) {
    if (f.whole_unit) return false;
    for (int id : impl.accept_ids) {
      for (const Span& s : matches.spans(id)) {
        if (s.begin < f.offset + f.length && f.offset < s.end) return true;
      }
    }
    return false;
  };
  Collected collected;
  collected.findings.resize(impl.entries.size());
  for (std::size_t i = 0; i < impl.entries.size(); ++i) {
    std::vector<Finding> found;  // freed after each entry: the largest would stay otherwise
    impl.entries[i].check->check(context, found);
    if (!impl.accept_ids.empty()) std::erase_if(found, accepted);
    collected.findings[i].reserve(found.size());
    for (Finding& f : found) collected.findings[i].push_back(collected.hold(f));
  }
  return collected;
}

// Each Held is made a Diagnostic once: its replacement is moved out of `collected`.
Diagnostic to_diagnostic(const Rule& rule, const Held& f, Collected& collected, const PreparedText& prepared,
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

// The findings as Diagnostics of the original text, in one allocation of the exact size.
// Each entry's findings are freed once converted, the entry with most findings first, so
// that the fewest are still held while the last Diagnostics are made.
std::vector<Diagnostic> to_diagnostics(const CompiledRules& impl, Collected& collected, const PreparedText& prepared,
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
      diagnostics.push_back(to_diagnostic(*impl.entries[i].rule, f, collected, prepared, text, lines));
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
void each_sorted(const CompiledRules& impl, Collected& collected, const PreparedText& prepared, std::string_view text,
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
    if (a.entry != b.entry) return impl.entries[a.entry].rule->id < impl.entries[b.entry].rule->id;
    return a.index < b.index;
  });
  std::vector<Suppression> suppressions = find_suppressions(text, format);
  const LineIndex lines(text);
  std::vector<Diagnostic> one;  // apply_suppressions filters a vector
  for (const Ref& r : order) {
    one.clear();
    one.push_back(to_diagnostic(*impl.entries[r.entry].rule, collected.findings[r.entry][r.index], collected, prepared,
                                text, lines));
    apply_suppressions(one, suppressions);
    if (!one.empty()) each(std::move(one.front()));
  }
}

}  // namespace
}  // namespace detail

Linter::Linter() : impl_(std::make_unique<detail::CompiledRules>()) {}
Linter::~Linter() = default;

CompileResult Linter::compile(const RuleSet& rules, const LintOptions& options) {
  CompileResult result;
  detail::check_ids(rules, options.select, "select", result.problems);
  detail::check_ids(rules, options.ignore, "ignore", result.problems);
  for (const auto& [id, severity] : options.severity) {
    if (!rules.contains(id)) result.problems.push_back({"", 0, 0, fmt::format("severity: no rule named '{}'", id)});
  }

  std::shared_ptr<Linter> linter(new Linter());
  detail::CompiledRules& impl = *linter->impl_;
  for (const auto& original : detail::RuleSetAccess::rules(rules)) {
    if (!options.select.empty() && !detail::listed(options.select, original->id)) continue;
    if (detail::listed(options.ignore, original->id)) continue;
    std::shared_ptr<const detail::Rule> rule = original;
    if (auto it = options.severity.find(original->id); it != options.severity.end()) {
      auto changed = std::make_shared<detail::Rule>(*original);
      changed->severity = it->second;
      rule = std::move(changed);
    }
    impl.entries.push_back({rule, rule->spec->compile(*rule, impl.table)});
    detail::RuleSetAccess::rules(impl.rules).push_back(rule);
  }
  for (const std::string& phrase : options.accept) {
    std::string message;
    if (auto pattern = detail::compile_phrase(phrase, true, &message)) {
      impl.accept_ids.push_back(impl.table.add(*pattern));
    } else {
      result.problems.push_back({"", 0, 0, fmt::format("accept: phrase '{}' cannot be compiled: {}", phrase, message)});
    }
  }
  std::string error;
  if (!impl.table.build(&error)) {
    result.problems.push_back({"", 0, 0, error});
    return result;
  }
  result.linter = std::move(linter);
  return result;
}

std::vector<Diagnostic> Linter::lint(std::string_view text) const { return lint(text, DocumentOptions{}); }

std::vector<Diagnostic> Linter::lint(std::string_view text, const DocumentOptions& options) const {
  detail::PreparedText prepared = detail::prepare(text, options);
  detail::Collected findings = detail::run_checks(*impl_, prepared.view());
  prepared.release_text();  // a masked copy or extracted prose: only its offset map is needed now
  return detail::to_diagnostics(*impl_, findings, prepared, text, options);
}

std::vector<Diagnostic> Linter::lint_in_place(std::string& text, const DocumentOptions& options) const {
  detail::InPlaceMask mask(text);
  detail::PreparedText prepared = detail::prepare_masked(text, options);
  detail::Collected findings = detail::run_checks(*impl_, prepared.view());
  prepared.release_text();
  mask.restore();  // positions, matches and suppressions are read from the text as given
  return detail::to_diagnostics(*impl_, findings, prepared, text, options);
}

void Linter::lint_in_place(std::string& text, const DocumentOptions& options,
                           const std::function<void(Diagnostic&&)>& each) const {
  if (options.report_unused_disables) {
    for (Diagnostic& d : lint_in_place(text, options)) each(std::move(d));
    return;
  }
  detail::InPlaceMask mask(text);
  detail::PreparedText prepared = detail::prepare_masked(text, options);
  detail::Collected findings = detail::run_checks(*impl_, prepared.view());
  prepared.release_text();
  mask.restore();
  detail::each_sorted(*impl_, findings, prepared, text, options.format, each);
}

void Linter::expect(std::size_t bytes) const { impl_->table.expect(bytes); }

const RuleSet& Linter::rules() const { return impl_->rules; }

}  // namespace draftlint
