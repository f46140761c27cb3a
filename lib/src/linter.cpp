// Compiling a RuleSet into a Linter, and linting a text: mask → segment → gate → check → sort.
#include "draftlint/linter.h"

#include <algorithm>

#include <fmt/format.h>

#include "compile/pattern_table.h"
#include "diagnostics/suppressions.h"
#include "draftlint/document.h"
#include "kinds/kind.h"
#include "rules/rule.h"
#include "rules/rule_parser.h"
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
  const detail::PreparedText prepared = detail::prepare(text, options);
  const std::string_view prose = prepared.view();
  const detail::Segmentation segments = detail::segment(prose);
  std::vector<std::size_t> chunk_starts;
  for (const detail::Span& paragraph : segments.paragraphs) chunk_starts.push_back(paragraph.begin);
  detail::MatchCache matches(impl_->table, prose, chunk_starts);
  const detail::CheckContext context{prose, segments, matches};
  const LineIndex lines(text);

  auto accepted = [&](const detail::Finding& f) {
    for (int id : impl_->accept_ids) {
      for (const detail::Span& s : matches.spans(id)) {
        if (s.begin < f.offset + f.length && f.offset < s.end) return true;
      }
    }
    return false;
  };
  std::vector<Diagnostic> diagnostics;
  std::vector<detail::Finding> findings;
  for (const auto& entry : impl_->entries) {
    findings.clear();
    entry.check->check(context, findings);
    for (detail::Finding& f : findings) {
      if (!f.whole_unit && accepted(f)) continue;
      Diagnostic d;
      d.rule = entry.rule->id;
      d.severity = entry.rule->severity;
      d.message = std::move(f.message);
      const std::size_t begin = prepared.original_begin(f.offset);
      const std::size_t end = std::max(begin, prepared.original_end(f.offset + f.length));
      d.offset = begin;
      d.length = end - begin;
      d.start = lines.position(begin);
      d.end = lines.position(end);
      d.match = std::string(text.substr(begin, end - begin));
      if (f.replacement) d.fix = Fix{begin, end - begin, std::move(*f.replacement)};
      diagnostics.push_back(std::move(d));
    }
  }
  std::vector<detail::Suppression> suppressions = detail::find_suppressions(text, options.format);
  detail::apply_suppressions(diagnostics, suppressions);
  if (options.report_unused_disables) {
    for (const detail::Suppression& s : suppressions) {
      if (s.used) continue;
      Diagnostic d;
      d.rule = std::string(kUnusedDisableRule);
      d.severity = Severity::warning;
      d.message = "This draftlint-disable comment silenced nothing; remove it.";
      d.offset = s.directive_offset;
      d.length = s.directive_length;
      d.start = lines.position(s.directive_offset);
      d.end = lines.position(s.directive_offset + s.directive_length);
      d.match = std::string(text.substr(s.directive_offset, s.directive_length));
      diagnostics.push_back(std::move(d));
    }
  }
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.offset != b.offset) return a.offset < b.offset;
    return a.rule < b.rule;
  });
  return diagnostics;
}

const RuleSet& Linter::rules() const { return impl_->rules; }

}  // namespace draftlint
