// Build-time tool: computes the literal prefilter of every pattern of the built-in pack (see
// lib/src/compile/builtin_prefilters.h) and writes them as a C++ source.
//
// RE2's FilteredRE2 knows which literals a regex needs, but keeps that as a private tree and
// only answers one question: "with these literals present, may the regex match?". For a
// regex whose answer depends on few combinations, this asks it enough to list every minimal
// set of literals that lets it match (its terms: an OR of ANDs, exactly RE2's condition).
// Where that takes too many questions, the regex is cut into its top-level alternatives (an
// OR) or its sequence into two halves (an AND: a match holds a match of each half), and each
// part is treated the same way. Every step keeps the filter sound: it never rejects a text the
// regex matches. Where RE2 finds no literal at all, the library's own reading of the regex
// (literal_filter.h) may still find digits or symbols it needs.
//
// Usage: draftlint_prefilters OUTPUT.cpp
#include <algorithm>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include "compile/builtin_prefilters.h"
#include "compile/literal_filter.h"
#include "compile/literal_scanner.h"
#include "compile/literal_text.h"
#include "compile/pattern_table.h"
#include "draftlint/rules.h"
#include "generated_source.h"
#include "kinds/kind.h"
#include "regex_pieces.h"
#include "rules/rule.h"

namespace {

using draftlint::detail::LiteralScanner;
using draftlint::detail::PrefilterCode;

// Questions to FilteredRE2 for one (part of a) regex, and terms it may have, before it is cut.
constexpr long kQuestionBudget = 4000;
constexpr std::size_t kTermBudget = 256;

struct Formula {
  enum Kind { anything, literal, all, any } kind = anything;  // `anything`: no constraint
  std::string text;                                            // a literal's
  std::vector<Formula> parts;
};

Formula combine(Formula::Kind kind, std::vector<Formula> parts) {
  std::vector<Formula> kept;
  for (Formula& p : parts) {
    if (p.kind == Formula::anything) {
      if (kind == Formula::any) return {};  // one alternative needs nothing
      continue;                             // one conjunct needs nothing
    }
    kept.push_back(std::move(p));
  }
  if (kept.empty()) return {};
  if (kept.size() == 1) return std::move(kept.front());
  return {kind, "", std::move(kept)};
}

// A literal as the library looks for it: folded like the text, then cut to its longest ASCII
// run (RE2 lowers non-ASCII letters by Unicode rules the folding does not copy; any part of a
// needed literal is needed too). Empty when too short to look for.
std::string searchable(const std::string& atom) {
  std::string folded;
  draftlint::detail::fold_for_literals(atom, folded);
  std::string best, run;
  for (char c : folded + '\x80') {
    if (static_cast<unsigned char>(c) < 0x80) {
      run += c;
      continue;
    }
    if (run.size() > best.size()) best = run;
    run.clear();
  }
  return best.size() >= LiteralScanner::kMinLength ? best : std::string();
}

// RE2's exact condition for `regex` as an OR of ANDs of literals, or nothing when finding it
// would cost more than the budgets.
class ExactTerms {
 public:
  std::optional<Formula> operator()(const std::string& regex) {
    re2::FilteredRE2 filter(static_cast<int>(LiteralScanner::kMinLength));
    RE2::Options options;
    options.set_log_errors(false);
    int id = 0;
    if (filter.Add(regex, options, &id) != RE2::NoError) return std::nullopt;
    filter.Compile(&atoms_);
    filter_ = &filter;
    questions_ = 0;
    terms_.clear();
    if (passes({})) return Formula{};
    std::vector<int> chosen;
    if (!collect(chosen, 0)) return std::nullopt;
    std::vector<Formula> terms;
    for (const std::vector<int>& term : terms_) {
      std::set<std::string> literals;
      for (int i : term) {
        if (std::string s = searchable(atoms_[static_cast<std::size_t>(i)]); !s.empty()) literals.insert(s);
      }
      std::vector<Formula> conjuncts;
      for (const std::string& s : literals) conjuncts.push_back({Formula::literal, s, {}});
      terms.push_back(combine(Formula::all, std::move(conjuncts)));
    }
    return combine(Formula::any, std::move(terms));
  }

 private:
  bool passes(const std::vector<int>& present) {
    ++questions_;
    std::vector<int> ids;
    filter_->AllPotentials(present, &ids);
    return !ids.empty();
  }

  // Literals from `next` on are undecided, `chosen` are present. Finds the minimal sets that
  // pass: a set holding one already found is never explored.
  bool collect(std::vector<int>& chosen, int next) {
    if (questions_ > kQuestionBudget || terms_.size() > kTermBudget) return false;
    for (const std::vector<int>& t : terms_) {
      if (std::includes(chosen.begin(), chosen.end(), t.begin(), t.end())) return true;
    }
    if (passes(chosen)) {
      terms_.push_back(chosen);
      return true;
    }
    const int count = static_cast<int>(atoms_.size());
    std::vector<int> all = chosen;
    for (int i = next; i < count; ++i) all.push_back(i);
    if (next == count || !passes(all)) return true;  // nothing undecided can make it pass
    if (!collect(chosen, next + 1)) return false;
    chosen.push_back(next);
    const bool ok = collect(chosen, next + 1);
    chosen.pop_back();
    return ok;
  }

  re2::FilteredRE2* filter_ = nullptr;
  std::vector<std::string> atoms_;
  std::vector<std::vector<int>> terms_;
  long questions_ = 0;
};

// The condition for `regex` (already through join_phrases), `flags` being the standalone flag
// groups in force before it.
Formula condition(std::string_view regex, const std::string& flags) {
  // RE2 also gives up on some regexes (it says "any text" when one alternative of a large
  // group has no long literal); cutting may still find what the other parts need.
  std::optional<Formula> exact = ExactTerms()(flags + std::string(regex));
  if (exact && exact->kind != Formula::anything) return *exact;
  const auto alternatives = draftlint::tools::split_alternatives(regex);
  if (!alternatives) return {};
  if (alternatives->size() > 1) {
    std::vector<Formula> parts;
    for (std::string_view alternative : *alternatives) parts.push_back(condition(alternative, flags));
    return combine(Formula::any, std::move(parts));
  }
  const auto items = draftlint::tools::split_sequence(regex);
  if (!items || items->empty()) return {};
  std::string leading = flags;  // flag groups at the start apply to every item after them
  std::size_t first = 0;
  while (first < items->size() && (*items)[first].flags_only) leading += std::string((*items)[first++].text);
  const std::size_t count = items->size() - first;
  if (count == 0) return {};
  if (count == 1) {
    const draftlint::tools::RegexItem& item = (*items)[first];
    if (!item.group || item.optional) return {};
    return condition(item.body, leading);
  }
  const std::size_t middle = first + count / 2;
  const auto span = [&](std::size_t from, std::size_t to) {
    const char* begin = (*items)[from].text.data();
    const char* end = (*items)[to - 1].text.data() + (*items)[to - 1].text.size();
    return std::string_view(begin, static_cast<std::size_t>(end - begin));
  };
  return combine(Formula::all, {condition(span(first, middle), leading), condition(span(middle, items->size()), leading)});
}

// The library's own reading of a regex (literal_filter.h) as a Formula. RE2's analysis knows
// no literal shorter than three bytes, so a pattern that needs only digits or an '@' (a phone
// number, a time, an address) gets its filter from this reading.
Formula from_reading(const draftlint::detail::LiteralFormula& f) {
  using draftlint::detail::LiteralFormula;
  if (f.kind == LiteralFormula::literal) return {Formula::literal, f.text, {}};
  std::vector<Formula> parts;
  for (const LiteralFormula& p : f.parts) parts.push_back(from_reading(p));
  return combine(f.kind == LiteralFormula::all ? Formula::all : Formula::any, std::move(parts));
}

// Pre-order code (builtin_prefilters.h); literal ids from `index`.
void encode(const Formula& f, const std::map<std::string, std::size_t>& index, std::vector<std::uint16_t>& out) {
  switch (f.kind) {
    case Formula::literal: out.push_back(PrefilterCode::literal(index.at(f.text))); return;
    case Formula::all: out.push_back(PrefilterCode::all(f.parts.size())); break;
    case Formula::any: out.push_back(PrefilterCode::any(f.parts.size())); break;
    case Formula::anything: throw std::logic_error("an unconstrained formula has no code");
  }
  if (f.parts.size() > PrefilterCode::kMaxValue) throw std::length_error("a formula with too many parts");
  for (const Formula& p : f.parts) encode(p, index, out);
}

void collect_literals(const Formula& f, std::map<std::string, std::size_t>& index) {
  if (f.kind == Formula::literal) index.emplace(f.text, 0);
  for (const Formula& p : f.parts) collect_literals(p, index);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: draftlint_prefilters OUTPUT.cpp\n";
    return 2;
  }
  const draftlint::LoadResult loaded = draftlint::RuleSet::builtin();
  if (!loaded.problems.empty()) {
    std::cerr << "draftlint_prefilters: the built-in pack does not load: " << loaded.problems.front().message << "\n";
    return 1;
  }
  // The same patterns, in the same translation, as Linter::compile() gives its table.
  draftlint::detail::PatternTable table;
  for (const auto& rule : draftlint::detail::RuleSetAccess::rules(loaded.rules)) rule->spec->compile(*rule, table);

  std::map<std::string, Formula> filters;  // by regex: the order the library searches in
  std::map<std::string, std::size_t> literal_index;
  for (std::size_t id = 0; id < table.size(); ++id) {
    const std::string& regex = table.pattern(static_cast<int>(id)).regex;
    Formula f = condition(draftlint::detail::join_phrases(regex), "");
    if (f.kind == Formula::anything) {
      if (const auto read = draftlint::detail::literal_filter(regex)) f = from_reading(*read);
    }
    if (f.kind == Formula::anything) continue;
    collect_literals(f, literal_index);
    filters.emplace(regex, std::move(f));
  }
  std::string literals;
  std::size_t next = 0;
  for (auto& [literal, index] : literal_index) {
    index = next++;
    literals += "    std::string_view(" + draftlint::tools::cpp_literal(literal) + ", " + std::to_string(literal.size()) + "),\n";
  }
  if (next > PrefilterCode::kMaxValue) {
    std::cerr << "draftlint_prefilters: too many literals for the code\n";
    return 1;
  }
  std::string codes, patterns;
  std::size_t offset = 0;
  for (const auto& [regex, formula] : filters) {
    std::vector<std::uint16_t> code;
    encode(formula, literal_index, code);
    codes += "    ";
    for (std::uint16_t c : code) {
      codes += std::to_string(c);  // piece by piece: g++ 12 warns (-Wrestrict) on "x" + to_string()
      codes += ", ";
    }
    codes += '\n';
    patterns += "    {std::string_view(" + draftlint::tools::cpp_literal(regex) + ", " + std::to_string(regex.size()) +
                "), std::span<const std::uint16_t>(kCode + " + std::to_string(offset) + ", " + std::to_string(code.size()) + ")},\n";
    offset += code.size();
  }
  const std::string body = filters.empty()
      ? "EmbeddedPrefilters builtin_prefilters() { return {}; }\n\n"
      : "namespace {\n\n"
        "const std::string_view kLiterals[] = {\n" + literals + "};\n\n"
        "const std::uint16_t kCode[] = {\n" + codes + "};\n\n"
        "const EmbeddedPrefilter kPatterns[] = {\n" + patterns + "};\n\n"
        "}  // namespace\n\n"
        "EmbeddedPrefilters builtin_prefilters() { return {kLiterals, kPatterns}; }\n\n";
  const std::string source =
      "// Generated from the built-in rule pack by lib/tools/prefilters.cpp. Do not edit.\n"
      "#include \"compile/builtin_prefilters.h\"\n\n"
      "namespace draftlint::detail {\n\n" + body + "}  // namespace draftlint::detail\n";
  std::cerr << "draftlint_prefilters: " << filters.size() << " of " << table.size() << " patterns filtered, "
            << next << " literals\n";
  return draftlint::tools::write_if_changed(argv[1], source, "draftlint_prefilters") ? 0 : 1;
}
