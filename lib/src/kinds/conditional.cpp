// `conditional`: in each scope unit where an `if` pattern matches, a `then` pattern must
// match too ("an outage is mentioned, so a time must be given"). The finding sits on the
// first `if` match.
#include <optional>

#include "kinds/kinds.h"
#include "kinds/units.h"
#include "rules/rule_parser.h"

namespace draftlint::detail {
namespace {

class ConditionalSpec final : public KindSpec {
 public:
  ConditionalSpec(std::vector<Pattern> if_patterns, std::vector<Pattern> then_patterns)
      : if_(std::move(if_patterns)), then_(std::move(then_patterns)) {}
  std::unique_ptr<CompiledCheck> compile(const Rule& rule, PatternTable& table) const override;
  const std::vector<Pattern>& if_patterns() const { return if_; }
  const std::vector<Pattern>& then_patterns() const { return then_; }

 private:
  std::vector<Pattern> if_;
  std::vector<Pattern> then_;
};

class ConditionalCheck final : public CompiledCheck {
 public:
  ConditionalCheck(const Rule& rule, const ConditionalSpec& spec, PatternTable& table)
      : rule_(rule), if_(rule, spec.if_patterns(), table), then_(rule, spec.then_patterns(), table) {}

  void check(const CheckContext& context, std::vector<Finding>& out) const override {
    const std::vector<Span> units = nonempty_units(rule_, context);
    if (units.size() == 1) {
      check_one(context, units.front(), out);
      return;
    }
    const auto conditions = if_.find(context);
    if (conditions.empty()) return;
    const auto consequences = then_.find(context);
    for (const Span& unit : units) {
      const auto triggered = hits_in(conditions, unit);
      if (triggered.empty() || !hits_in(consequences, unit).empty()) continue;
      const Span at = triggered.front().span;
      const std::string_view match = context.text.substr(at.begin, at.end - at.begin);
      out.push_back({at.begin, at.end - at.begin, render_message(rule_.message, {{"match", match}}), std::nullopt});
    }
  }

 private:
  // One unit (a document-scope rule): only the first `if` match and any one `then` match
  // inside it are needed, so each matcher stops at its first.
  void check_one(const CheckContext& context, Span unit, std::vector<Finding>& out) const {
    std::optional<Span> trigger;
    if_.each(context, [&](const SpanMatcher::Hit& hit) {
      if (inside(unit, hit.span)) trigger = hit.span;
      return !trigger;
    });
    if (!trigger) return;
    bool answered = false;
    if (rule_.scope.kind == ScopeKind::text || rule_.scope.kind == ScopeKind::document) {
      answered = then_.any(context);  // the unit is the whole text: any match answers
    } else {
      then_.each(context, [&](const SpanMatcher::Hit& hit) {
        answered = inside(unit, hit.span);
        return !answered;
      });
    }
    if (answered) return;
    const std::string_view match = context.text.substr(trigger->begin, trigger->end - trigger->begin);
    out.push_back({trigger->begin, trigger->end - trigger->begin, render_message(rule_.message, {{"match", match}}),
                   std::nullopt});
  }

  const Rule& rule_;
  SpanMatcher if_;
  SpanMatcher then_;
};

std::unique_ptr<CompiledCheck> ConditionalSpec::compile(const Rule& rule, PatternTable& table) const {
  return std::make_unique<ConditionalCheck>(rule, *this, table);
}

}  // namespace

std::shared_ptr<const KindSpec> parse_conditional(RuleParser& parser, Rule& rule) {
  if (!rule.match.empty()) {
    parser.error(parser.has("tokens") ? parser.get("tokens") : parser.get("patterns"),
                 "conditional rules take their patterns from 'if' and 'then', not 'tokens' or 'patterns'");
  }
  bool ok = true;
  for (const char* key : {"if", "then"}) {
    if (!parser.has(key)) {
      parser.error(parser.root(), std::string("missing required field '") + key + "' (a list of patterns)");
      ok = false;
    }
  }
  auto if_patterns = parser.patterns("if", false, rule.ignorecase, PatternRole::match);
  auto then_patterns = parser.patterns("then", false, rule.ignorecase, PatternRole::match);
  if (!ok) return nullptr;
  return std::make_shared<ConditionalSpec>(std::move(if_patterns), std::move(then_patterns));
}

}  // namespace draftlint::detail
