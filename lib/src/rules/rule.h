// The loaded form of one rule file: plain data plus the kind-specific part. Shared, immutable.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "draftlint/diagnostic.h"
#include "draftlint/rules.h"

#include "compile/lazy_regex.h"

namespace draftlint::detail {

class KindSpec;

// Where something sits in a rule file (1-based; 0 when unknown).
struct Mark {
  int line = 0;
  int column = 0;
};

// One pattern from a rule file. `regex` is the final RE2 text (flags included) and `re` its
// compiled form — compiled on first use, shared with every Linter built from the rule.
struct Pattern {
  std::string source;       // as written in the file
  std::string regex;        // after translation (tokens, quotes, spaces, case flag)
  Mark mark;
  bool phrase = false;      // came from `tokens`/swap phrases: word boundaries checked in Unicode
  bool builtin = false;     // from the built-in pack, whose literal filters the build embeds
  std::shared_ptr<const LazyRegex> re;
};

// Which stretch of the document a rule looks at.
enum class ScopeKind { text, sentence, paragraph, document, first_paragraph, first_sentences, last_paragraph };

struct Scope {
  ScopeKind kind = ScopeKind::text;
  int count = 0;  // N for first_sentences
};

std::string scope_name(const Scope& scope);

struct Rule {
  std::string id;
  std::string kind;
  std::string origin;  // file path, or "builtin:NAME.yml"
  Severity severity = Severity::warning;
  std::string message;
  std::string description;
  std::string link;
  bool ignorecase = true;
  Scope scope;
  std::vector<Pattern> match;       // tokens + patterns
  std::vector<Pattern> exceptions;  // silence an overlapping match
  std::vector<Pattern> not_before;  // silence a match preceded by these (same sentence)
  std::vector<Pattern> not_after;   // silence a match followed by these (same sentence)
  std::vector<std::string> bad_examples;
  std::vector<std::string> good_examples;
  std::shared_ptr<const KindSpec> spec;  // the kind-specific part
};

// Lets library internals reach a RuleSet's rules without making them public.
struct RuleSetAccess {
  static const std::vector<std::shared_ptr<const Rule>>& rules(const RuleSet& set) { return set.rules_; }
  static std::vector<std::shared_ptr<const Rule>>& rules(RuleSet& set) { return set.rules_; }
};

RuleInfo make_info(const Rule& rule);

}  // namespace draftlint::detail
