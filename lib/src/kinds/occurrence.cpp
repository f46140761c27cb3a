// `occurrence`: at most `max` matches per scope unit ("sorry" three times, a second "!").
// The finding sits on the first match over the limit.
#include "kinds/kinds.h"
#include "kinds/units.h"
#include "rules/rule_parser.h"

namespace draftlint::detail {
namespace {

class OccurrenceSpec final : public KindSpec {
 public:
  explicit OccurrenceSpec(int max) : max_(max) {}
  std::unique_ptr<CompiledCheck> compile(const Rule& rule, PatternTable& table) const override;
  int max() const { return max_; }

 private:
  int max_;
};

class OccurrenceCheck final : public CompiledCheck {
 public:
  OccurrenceCheck(const Rule& rule, const OccurrenceSpec& spec, PatternTable& table)
      : rule_(rule), max_(static_cast<std::size_t>(spec.max())), matcher_(rule, table) {}

  void check(const CheckContext& context, std::vector<Finding>& out) const override {
    const auto hits = matcher_.find(context);
    if (hits.size() <= max_) return;
    for (const Span& unit : nonempty_units(rule_, context)) {
      const auto in_unit = hits_in(hits, unit);
      if (in_unit.size() <= max_) continue;
      const Span over = in_unit[max_].span;
      const std::string_view match = context.text.substr(over.begin, over.end - over.begin);
      const std::string count = std::to_string(in_unit.size());
      const std::string max = std::to_string(max_);
      out.push_back({over.begin, over.end - over.begin,
                     render_message(rule_.message, {{"match", match}, {"count", count}, {"max", max}}), std::nullopt});
    }
  }

 private:
  const Rule& rule_;
  std::size_t max_;
  SpanMatcher matcher_;
};

std::unique_ptr<CompiledCheck> OccurrenceSpec::compile(const Rule& rule, PatternTable& table) const {
  return std::make_unique<OccurrenceCheck>(rule, *this, table);
}

}  // namespace

std::shared_ptr<const KindSpec> parse_occurrence(RuleParser& parser, Rule&) {
  if (!parser.has("max")) {
    parser.error(parser.root(), "missing required field 'max' (the most matches allowed per scope)");
    return nullptr;
  }
  auto max = parser.integer("max", 0);
  if (!max) return nullptr;
  return std::make_shared<OccurrenceSpec>(*max);
}

}  // namespace draftlint::detail
