// `position`: the first match must come within the first `within` sentences of the body of
// each scope unit (titles, headings and greetings do not count), so the news is not buried.
// No match at all is not this rule's business.
#include <optional>

#include "kinds/kinds.h"
#include "kinds/units.h"
#include "rules/rule_parser.h"

namespace draftlint::detail {
namespace {

class PositionSpec final : public KindSpec {
 public:
  explicit PositionSpec(int within) : within_(within) {}
  std::unique_ptr<CompiledCheck> compile(const Rule& rule, PatternTable& table) const override;
  int within() const { return within_; }

 private:
  int within_;
};

class PositionCheck final : public CompiledCheck {
 public:
  PositionCheck(const Rule& rule, const PositionSpec& spec, PatternTable& table)
      : rule_(rule), within_(static_cast<std::size_t>(spec.within())), matcher_(rule, table) {}

  // Per unit, the first hit that lies in one of its body sentences. The hits come in text
  // order, so matching stops once every unit is settled (usually at the news, near the top).
  void check(const CheckContext& context, std::vector<Finding>& out) const override {
    const Segmentation& seg = context.segments;
    std::optional<std::vector<Span>> units;  // computed at the first hit
    std::size_t next_unit = 0;               // the units before it are settled
    matcher_.each(context, [&](const SpanMatcher::Hit& hit) {
      if (!units) units = nonempty_units(rule_, context);
      while (next_unit < units->size() && (*units)[next_unit].end <= hit.span.begin) ++next_unit;
      if (next_unit == units->size()) return false;
      const Span unit = (*units)[next_unit];
      if (hit.span.begin < unit.begin) return true;
      const std::size_t index = seg.sentence_index_at(hit.span.begin);
      if (index >= seg.sentences.size() || seg.titles[index]) return true;
      const Span sentence = seg.sentences[index];
      if (!inside(unit, sentence) || !inside(sentence, hit.span)) return true;
      report(context, hit.span, body_ordinal(seg, unit, index), out);
      return ++next_unit < units->size();
    });
  }

 private:
  // 1-based position of sentence `index` among the body sentences of `unit`.
  static std::size_t body_ordinal(const Segmentation& seg, Span unit, std::size_t index) {
    std::size_t ordinal = 0;
    for (std::size_t i = sentences_within(seg, unit).first; i <= index; ++i) ordinal += seg.titles[i] ? 0 : 1;
    return ordinal;
  }

  void report(const CheckContext& context, Span at, std::size_t ordinal, std::vector<Finding>& out) const {
    if (ordinal <= within_) return;
    const std::string_view match = context.text.substr(at.begin, at.end - at.begin);
    const std::string within = std::to_string(within_);
    const std::string position = std::to_string(ordinal);
    out.push_back({at.begin, at.end - at.begin,
                   render_message(rule_.message, {{"match", match}, {"within", within}, {"position", position}}),
                   std::nullopt});
  }

  const Rule& rule_;
  std::size_t within_;
  SpanMatcher matcher_;
};

std::unique_ptr<CompiledCheck> PositionSpec::compile(const Rule& rule, PatternTable& table) const {
  return std::make_unique<PositionCheck>(rule, *this, table);
}

}  // namespace

std::shared_ptr<const KindSpec> parse_position(RuleParser& parser, Rule&) {
  if (!parser.has("within")) {
    parser.error(parser.root(), "missing required field 'within' (how many sentences the news may come after)");
    return nullptr;
  }
  auto within = parser.integer("within", 1);
  if (!within) return nullptr;
  return std::make_shared<PositionSpec>(*within);
}

}  // namespace draftlint::detail
