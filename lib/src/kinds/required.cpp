// `required`: each scope unit must contain at least `min` matches (default 1). A missing
// element is reported on the sentence that states the bad news (the first `anchor` match),
// else on the first sentence of the body, so the writer sees where the addition belongs.
#include <fmt/format.h>

#include "kinds/kinds.h"
#include "kinds/units.h"
#include "rules/rule_parser.h"

namespace draftlint::detail {
namespace {

class RequiredSpec final : public KindSpec {
 public:
  RequiredSpec(int min, std::vector<Pattern> anchor) : min_(min), anchor_(std::move(anchor)) {}
  std::unique_ptr<CompiledCheck> compile(const Rule& rule, PatternTable& table) const override;
  int min() const { return min_; }
  const std::vector<Pattern>& anchor() const { return anchor_; }

 private:
  int min_;
  std::vector<Pattern> anchor_;
};

class RequiredCheck final : public CompiledCheck {
 public:
  RequiredCheck(const Rule& rule, const RequiredSpec& spec, PatternTable& table)
      : rule_(rule), spec_(spec), evidence_(rule, table),
        anchor_(rule, spec.anchor(), table, SpanMatcher::Filters::scope_only) {}

  void check(const CheckContext& context, std::vector<Finding>& out) const override {
    const std::vector<Span> units = nonempty_units(rule_, context);
    if (units.empty()) return;
    // The common case, one unit needing one match: stop at the first match found.
    if (units.size() == 1 && spec_.min() == 1 && evidence_.any(context)) return;
    const auto hits = evidence_.find(context);
    std::optional<std::vector<SpanMatcher::Hit>> anchors;  // found once, when first needed
    for (const Span& unit : units) {
      const std::size_t count = hits_in(hits, unit).size();
      if (count >= static_cast<std::size_t>(spec_.min())) continue;
      if (!anchors) anchors = anchor_.find(context);
      const Span place = placement(context, *anchors, unit);
      const std::string min = std::to_string(spec_.min());
      const std::string found = std::to_string(count);
      out.push_back({place.begin, place.end - place.begin,
                     render_message(rule_.message, {{"min", min}, {"count", found}}), std::nullopt, true});
    }
  }

 private:
  // The first body sentence that matches an anchor (the bad news), else the first anchor
  // match even in a title, else the first body sentence of the unit.
  Span placement(const CheckContext& context, const std::vector<SpanMatcher::Hit>& all_anchors, Span unit) const {
    const Segmentation& seg = context.segments;
    const auto anchors = hits_in(all_anchors, unit);
    for (const auto& anchor : anchors) {
      const std::size_t index = seg.sentence_index_at(anchor.span.begin);
      if (index < seg.sentences.size() && !seg.titles[index] && inside(unit, seg.sentences[index])) {
        return seg.sentences[index];
      }
    }
    if (!anchors.empty()) {
      const Span sentence = seg.sentence_at(anchors.front().span.begin);
      return inside(unit, sentence) ? sentence : anchors.front().span;
    }
    return first_sentence_in(seg, unit);
  }

  const Rule& rule_;
  const RequiredSpec& spec_;
  SpanMatcher evidence_;
  SpanMatcher anchor_;
};

std::unique_ptr<CompiledCheck> RequiredSpec::compile(const Rule& rule, PatternTable& table) const {
  return std::make_unique<RequiredCheck>(rule, *this, table);
}

}  // namespace

std::shared_ptr<const KindSpec> parse_required(RuleParser& parser, Rule& rule) {
  const int min = parser.integer("min", 1).value_or(1);
  return std::make_shared<RequiredSpec>(min, parser.patterns("anchor", false, rule.ignorecase, PatternRole::match, false));
}

}  // namespace draftlint::detail
