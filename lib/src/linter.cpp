// Compiling a RuleSet into a Linter, and linting a text: mask → segment → gate → check → sort.
#include "draftlint/linter.h"

#include <algorithm>

#include <fmt/format.h>

#include "compile/pattern_table.h"
#include "diagnostics/held_findings.h"
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
  std::size_t sentence_counters = 0;  // checks that count sentences' words (see SharedWork)
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

// Runs every check over the prose, dropping findings on an accepted phrase. The segmentation
// and the matches go away on return, before any Diagnostic exists.
HeldFindings run_checks(const CompiledRules& impl, std::string_view prose) {
  const Segmentation segments = segment(prose);
  std::vector<std::size_t> chunk_starts;
  chunk_starts.reserve(segments.paragraphs.size());
  for (const Span& paragraph : segments.paragraphs) chunk_starts.push_back(paragraph.begin);
  MatchCache matches(impl.table, prose, chunk_starts);
  SharedWork shared;
  shared.keep_sentence_counts = impl.sentence_counters >= 2;
  const CheckContext context{prose, segments, matches, shared};
  auto accepted = [&](const Finding& f) {
    if (f.whole_unit) return false;
    for (int id : impl.accept_ids) {
      for (const Span& s : matches.spans(id)) {
        if (s.begin < f.offset + f.length && f.offset < s.end) return true;
      }
    }
    return false;
  };
  HeldFindings collected;
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
    if (impl.entries.back().check->counts_sentences()) ++impl.sentence_counters;
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
  detail::HeldFindings findings = detail::run_checks(*impl_, prepared.view());
  prepared.release_text();  // a masked copy or extracted prose: only its offset map is needed now
  return detail::to_diagnostics(detail::RuleSetAccess::rules(impl_->rules), findings, prepared, text, options);
}

std::vector<Diagnostic> Linter::lint_in_place(std::string& text, const DocumentOptions& options) const {
  detail::InPlaceMask mask(text);
  detail::PreparedText prepared = detail::prepare_masked(text, options);
  detail::HeldFindings findings = detail::run_checks(*impl_, prepared.view());
  prepared.release_text();
  mask.restore();  // positions, matches and suppressions are read from the text as given
  return detail::to_diagnostics(detail::RuleSetAccess::rules(impl_->rules), findings, prepared, text, options);
}

void Linter::lint_in_place(std::string& text, const DocumentOptions& options,
                           const std::function<void(Diagnostic&&)>& each) const {
  if (options.report_unused_disables) {
    for (Diagnostic& d : lint_in_place(text, options)) each(std::move(d));
    return;
  }
  detail::InPlaceMask mask(text);
  detail::PreparedText prepared = detail::prepare_masked(text, options);
  detail::HeldFindings findings = detail::run_checks(*impl_, prepared.view());
  prepared.release_text();
  mask.restore();
  detail::each_sorted(detail::RuleSetAccess::rules(impl_->rules), findings, prepared, text, options.format, each);
}

void Linter::expect(std::size_t bytes) const { impl_->table.expect(bytes); }

const RuleSet& Linter::rules() const { return impl_->rules; }

}  // namespace draftlint
