// `position`: the first match must come within the first `within` sentences of the body of
// each scope unit (titles, headings and greetings do not count), so the news is not buried.
// No match at all is not this rule's business.
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

  void check(const CheckContext& context, std::vector<Finding>& out) const override {
    const auto hits = matcher_.find(context);
    if (hits.empty()) return;
    const Segmentation& seg = context.segments;
    for (const Span& unit : nonempty_units(rule_, context)) {
      std::size_t ordinal = 0;  // 1-based position among the unit's body sentences
      const auto [first, last] = sentences_within(seg, unit);
      for (std::size_t index = first; index < last; ++index) {
        if (seg.titles[index]) continue;
        const Span sentence = seg.sentences[index];
        ++ordinal;
        const auto in_sentence = hits_in(hits, sentence);
        if (in_sentence.empty()) continue;
        if (ordinal > within_) {
          const Span at = in_sentence.front().span;
          const std::string_view match = context.text.substr(at.begin, at.end - at.begin);
          const std::string within = std::to_string(within_);
          const std::string position = std::to_string(ordinal);
          out.push_back({at.begin, at.end - at.begin,
                         render_message(rule_.message, {{"match", match}, {"within", within}, {"position", position}}),
                         std::nullopt});
        }
        break;
      }
    }
  }

 private:
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
