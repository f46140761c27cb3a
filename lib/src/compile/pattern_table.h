// Every pattern a Linter searches the whole text for. A gate says which patterns may match in a
// chunk of text; the single RE2s, the locators, say where. There are two gates: the literal
// prefilter (prefilter_gate.h), free to set up, and one RE2::Set of the patterns, exact but
// tens of milliseconds to compile. A Linter starts with the first and compiles the set once it
// has linted enough text to pay for it, so linting one short notice never compiles the set.
//
// Patterns whose filters were read from their regex at load (a user pack's) may stay with the
// literal gate even then: the first kProbeBytes of the set's turn still go through the literal
// gate, counting how often their literals occur. Where they are rare (a vocabulary of its own:
// product names, another language) the set is compiled without them, which keeps its DFA
// small; where they are common English, scanning for them costs more than the set, which then
// takes them too.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/rule.h"

namespace re2 {
class RE2;
}

namespace draftlint::detail {

class PrefilterGate;

class PatternTable {
 public:
  PatternTable();
  ~PatternTable();
  PatternTable(const PatternTable&) = delete;
  PatternTable& operator=(const PatternTable&) = delete;

  // Registers a pattern and returns its id. Identical regexes share one id.
  int add(const Pattern& pattern);

  // Prepares the gates once every pattern is added. Returns false with a message when RE2
  // refuses the set (for example, too big); the set is compiled here only when the literal
  // gate would be too weak (more than kMaxUnfiltered patterns without literals).
  bool build(std::string* error);

  enum class Gate { literals, set };
  static constexpr std::size_t kMaxUnfiltered = 64;
  // Where the set starts to pay for its compile and its cold DFA (measured on the bench
  // corpus: about 1.6 MB of notices with the built-in pack, 1.3 MB with its phrases alone).
  static constexpr std::size_t kSetAfterBytes = 1024 * 1024;
  static constexpr std::size_t kProbeBytes = 64 * 1024;
  // Above this many read literals found per KiB of probed text, the set takes their patterns.
  // Measured on the bench corpus: 39 for a generated pack of other vocabulary, 476 for the
  // built-in phrases as a user pack (where the set was about 30% cheaper).
  static constexpr std::size_t kMaxReadLiteralsPerKiB = 128;

  // The gate for a text of `bytes` bytes: the literal gate until this table has been asked for
  // kSetAfterBytes in all (or told to expect that much), then the set. DRAFTLINT_GATE=literals
  // or =set in the environment fixes the choice (for benchmarks and tests).
  Gate choose_gate(std::size_t bytes) const;

  // Tells the table about `bytes` of text to come (see Linter::expect).
  void expect(std::size_t bytes) const;

  // Ids of the patterns that may match in `text`, ascending; every pattern that matches is
  // among them. The set gate returns exactly those, unless its DFA runs out of memory on this
  // text, when it returns every id; while another thread compiles the set, the literal gate
  // answers instead.
  std::vector<int> gate(std::string_view text, Gate gate) const;

  const Pattern& pattern(int id) const { return patterns_[static_cast<std::size_t>(id)]; }

  // Whether patterns with read filters stay on the literal gate under the set (decided when
  // the set is built; see the top of this file). For tests and benchmarks.
  bool read_on_literals() const { return set_ready_.load(std::memory_order_acquire) && read_on_literals_; }

  // True when pattern `id` can match an empty string somewhere (in some context of ^, $, \b).
  // A pattern with a literal filter cannot; for the others it is decided on first use (that
  // compiles the pattern) and remembered. Thread-safe.
  bool may_match_empty(int id) const;
  std::size_t size() const { return patterns_.size(); }

 private:
  std::vector<Pattern> patterns_;
  std::unordered_map<std::string, int> ids_;
  struct SetHolder;
  bool build_set(std::string* error) const;
  // build_set() by the first caller only; every caller returns once the set is ready.
  void compile_set_once(std::string* error) const;
  // Compiles the set unless another thread has begun to; true once it is compiled. With
  // `wait`, a thread waits for another's compile instead of returning false.
  bool set_compiled(bool wait) const;

  mutable std::unique_ptr<SetHolder> set_;
  mutable std::once_flag set_once_;
  mutable bool set_ok_ = false;
  std::unique_ptr<PrefilterGate> prefilter_;
  mutable std::atomic<std::size_t> probed_bytes_{0};
  mutable std::atomic<std::size_t> probed_found_{0};
  mutable bool read_on_literals_ = true;  // decided when the set is built
  mutable std::atomic<bool> set_ready_{false};
  mutable std::atomic<bool> set_claimed_{false};  // a thread has begun to compile the set
  mutable std::atomic<std::size_t> asked_bytes_{0};
  mutable std::atomic<std::size_t> expected_bytes_{0};
  // Per pattern: 0 not yet known, 1 no, 2 yes (benign races: every thread computes the same).
  std::unique_ptr<std::atomic<signed char>[]> empty_;
};

}  // namespace draftlint::detail
