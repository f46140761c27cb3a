// `substitution`: each key of `swap` (a phrase, or an RE2 pattern with `regex: true`) is
// flagged with its suggested wording, carried as a fix. The fix keeps the capitalisation of
// the match's first letter; with `regex: true` the wording may use \1…\9 for groups.
#include <cctype>

#include <fmt/format.h>
#include <re2/re2.h>

#include "kinds/kinds.h"
#include "kinds/span_matcher.h"
#include "rules/rule_parser.h"

namespace draftlint::detail {
namespace {

class SubstitutionSpec;

class SubstitutionCheck final : public CompiledCheck {
 public:
  SubstitutionCheck(const Rule& rule, const std::vector<std::string>& replacements, PatternTable& table)
      : rule_(rule), replacements_(replacements), matcher_(rule, table) {}

  void check(const CheckContext& context, std::vector<Finding>& out) const override {
    const std::vector<SpanMatcher::Hit> hits = matcher_.find(context);
    // Exactly one finding a hit, reserved (see ExistenceCheck::check).
    out.reserve(out.size() + hits.size());
    for (const SpanMatcher::Hit& hit : hits) {
      const std::string_view match = context.text.substr(hit.span.begin, hit.span.end - hit.span.begin);
      std::string replacement = expand(rule_.match[hit.pattern], replacements_[hit.pattern], match);
      keep_initial_capital(match, replacement);
      out.push_back({hit.span.begin, hit.span.end - hit.span.begin, render_message(rule_.message, {{"match", match}, {"replacement", replacement}}),
                     replacement});
    }
  }

 private:
  static std::string expand(const Pattern& pattern, const std::string& wording, std::string_view match) {
    if (pattern.phrase || wording.find('\\') == std::string::npos) return wording;
    const int groups = pattern.re->get().NumberOfCapturingGroups();
    std::vector<re2::StringPiece> parts(static_cast<std::size_t>(groups) + 1);
    if (!pattern.re->get().Match(re2::StringPiece(match.data(), match.size()), 0, match.size(), RE2::ANCHOR_BOTH,
                           parts.data(), groups + 1)) {
      return wording;
    }
    std::string out;
    if (!pattern.re->get().Rewrite(&out, wording, parts.data(), groups + 1)) return wording;
    return out;
  }

  static void keep_initial_capital(std::string_view match, std::string& replacement) {
    if (match.empty() || replacement.empty()) return;
    const auto first = static_cast<unsigned char>(match.front());
    const auto target = static_cast<unsigned char>(replacement.front());
    if (std::isupper(first) && std::islower(target)) replacement.front() = static_cast<char>(std::toupper(target));
  }

  const Rule& rule_;
  const std::vector<std::string>& replacements_;
  SpanMatcher matcher_;
};

class SubstitutionSpec final : public KindSpec {
 public:
  explicit SubstitutionSpec(std::vector<std::string> replacements) : replacements_(std::move(replacements)) {}
  std::unique_ptr<CompiledCheck> compile(const Rule& rule, PatternTable& table) const override {
    return std::make_unique<SubstitutionCheck>(rule, replacements_, table);
  }

 private:
  std::vector<std::string> replacements_;
};

}  // namespace

std::shared_ptr<const KindSpec> parse_substitution(RuleParser& parser, Rule& rule) {
  if (!rule.match.empty()) {
    parser.error(parser.has("tokens") ? parser.get("tokens") : parser.get("patterns"),
                 "substitution rules take their phrases from 'swap', not 'tokens' or 'patterns'");
  }
  const bool regex = parser.boolean("regex").value_or(false);
  const YAML::Node swap = parser.get("swap");
  std::vector<std::string> replacements;
  if (!swap.IsDefined()) {
    parser.error(parser.root(), "missing required field 'swap' (a mapping of phrase: suggested wording)");
    return nullptr;
  }
  if (!swap.IsMap()) {
    parser.error(swap, "'swap' must be a mapping of phrase: suggested wording");
    return nullptr;
  }
  if (swap.size() == 0) {
    parser.error(swap, "'swap' is empty; add at least one phrase: wording pair");
    return nullptr;
  }
  for (const auto& entry : swap) {
    if (!entry.first.IsScalar() || !entry.second.IsScalar()) {
      parser.error(entry.first, "each 'swap' entry must map a string to a string");
      continue;
    }
    auto pattern = parser.pattern(entry.first.Scalar(), parser.mark_of(entry.first), !regex, rule.ignorecase,
                                  PatternRole::match);
    if (!pattern) continue;
    if (regex && parser.checks_everything()) {
      // \N beyond the pattern's groups would land in the fix as literal text: refuse it now.
      // (This compiles the pattern, so the built-in pack, checked at build time, skips it.)
      std::string problem;
      if (!pattern->re->get().CheckRewriteString(entry.second.Scalar(), &problem)) {
        parser.error(entry.second, fmt::format("replacement '{}': {}", entry.second.Scalar(), problem));
        continue;
      }
    }
    rule.match.push_back(std::move(*pattern));
    replacements.push_back(entry.second.Scalar());
  }
  return std::make_shared<SubstitutionSpec>(std::move(replacements));
}

}  // namespace draftlint::detail
