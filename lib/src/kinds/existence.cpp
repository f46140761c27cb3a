// `existence`: every match of the rule's tokens/patterns is a finding.
#include "kinds/kinds.h"
#include "kinds/span_matcher.h"

namespace draftlint::detail {
namespace {

class ExistenceCheck final : public CompiledCheck {
 public:
  ExistenceCheck(const Rule& rule, PatternTable& table) : rule_(rule), matcher_(rule, table) {}

  void check(const CheckContext& context, std::vector<Finding>& out) const override {
    const std::vector<SpanMatcher::Hit> hits = matcher_.find(context);
    // Exactly one finding a hit: on a large file, growing by doubling held up to twice as
    // many, and both copies while it grew, at the peak of the run.
    out.reserve(out.size() + hits.size());
    for (const SpanMatcher::Hit& hit : hits) {
      const std::string_view match = context.text.substr(hit.span.begin, hit.span.end - hit.span.begin);
      out.push_back({hit.span.begin, hit.span.end - hit.span.begin, render_message(rule_.message, {{"match", match}}), std::nullopt});
    }
  }

 private:
  const Rule& rule_;
  SpanMatcher matcher_;
};

class ExistenceSpec final : public KindSpec {
 public:
  std::unique_ptr<CompiledCheck> compile(const Rule& rule, PatternTable& table) const override {
    return std::make_unique<ExistenceCheck>(rule, table);
  }
};

}  // namespace

std::shared_ptr<const KindSpec> parse_existence(RuleParser&, Rule&) { return std::make_shared<ExistenceSpec>(); }

}  // namespace draftlint::detail
