// The plug-in point for rule kinds. A kind is one source file that provides:
//   parse   reads the kind's own keys from the rule file (through RuleParser) into a KindSpec;
//   compile turns the spec into a CompiledCheck, registering patterns in the PatternTable;
//   check   runs per document and appends findings.
// and one line in registry.cpp. Nothing else in the engine knows the kinds by name.
#pragma once

#include <cstdint>
#include <memory>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compile/pattern_table.h"
#include "match/match_cache.h"
#include "rules/rule.h"
#include "segment/segmenter.h"

namespace draftlint::detail {

class RuleParser;

// What a check reports; the Linter adds rule id, severity and positions.
struct Finding {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string message;
  std::optional<std::string> replacement;  // a fix for exactly this span
  bool whole_unit = false;                 // about a sentence/paragraph/document, not a phrase
};

// Work on one document that several checks may need, done by the first that does. A pack
// may hold several metric rules over the same sentences (the built-in one and a stricter
// copy); each would otherwise count every word again. Kept only when two checks or more use
// it (`keep_sentence_counts`): it costs 12 bytes a sentence, 17 MB on a 200 MB file.
struct SharedWork {
  struct Counts {
    std::uint32_t words = 0;
    std::uint32_t syllables = 0;
    unsigned char state = 0;  // 0 not counted, 1 words, 2 words and syllables
  };
  bool keep_sentence_counts = false;
  std::vector<Counts> sentences;  // per sentence of the segmentation, filled on demand
};

// Everything a check may look at for one document.
struct CheckContext {
  std::string_view text;  // masked text: same length as the input, markup blanked
  const Segmentation& segments;
  MatchCache& matches;
  SharedWork& shared;
};

class CompiledCheck {
 public:
  virtual ~CompiledCheck() = default;
  virtual void check(const CheckContext& context, std::vector<Finding>& out) const = 0;
  // Whether check() counts the words of sentences (SharedWork keeps them for two or more).
  virtual bool counts_sentences() const { return false; }
};

class KindSpec {
 public:
  virtual ~KindSpec() = default;
  virtual std::unique_ptr<CompiledCheck> compile(const Rule& rule, PatternTable& table) const = 0;
};

struct KindEntry {
  std::string_view name;
  std::string_view summary;                // one line for docs and errors
  std::vector<std::string_view> keys;      // keys this kind reads beyond the common ones
  std::vector<std::string_view> placeholders;  // {names} its messages may use
  bool needs_match_patterns;               // tokens/patterns required
  std::shared_ptr<const KindSpec> (*parse)(RuleParser& parser, Rule& rule);
};

// The keys every rule file may use, whatever its kind.
std::span<const std::string_view> common_keys();

// The registered kinds, in the order docs list them.
std::span<const KindEntry> registered_kinds();
const KindEntry* find_kind(std::string_view name);

// A value for a {name} placeholder in a rule's message.
struct MessageValue {
  std::string_view name;
  std::string_view value;
};

// Fills placeholders into a rule's message; whitespace runs in values become one space.
std::string render_message(std::string_view message, std::initializer_list<MessageValue> values);

}  // namespace draftlint::detail
