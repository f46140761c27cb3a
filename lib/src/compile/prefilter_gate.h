// The cheap gate: which patterns may match in a text chunk, decided from the literals each
// pattern needs, with one literal scan and no regex at all. A built-in pattern's filter comes
// from the build (builtin_prefilters.h); any other pattern's is read from its regex when it is
// added (literal_filter.h). It answers "maybe" more often than the RE2::Set gate (the locators
// then say no), but costs next to nothing to set up, where the set costs tens of milliseconds
// to compile. PatternTable uses it until enough text has been linted to pay for the set, and
// keeps using it for the patterns whose filters were read (see pattern_table.h).
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compile/builtin_prefilters.h"
#include "rules/rule.h"

namespace draftlint::detail {

class LiteralScanner;
struct LiteralFormula;

class PrefilterGate {
 public:
  explicit PrefilterGate(std::span<const Pattern> patterns);
  ~PrefilterGate();
  PrefilterGate(const PrefilterGate&) = delete;
  PrefilterGate& operator=(const PrefilterGate&) = delete;

  // How many patterns have no filter (nothing to read, or needing no literal at all); each is
  // a candidate in every chunk.
  std::size_t unfiltered() const { return always_.size(); }
  // Whether pattern `id` has a filter. Every literal of a filter is part of any match (a
  // byte at least), so a pattern with one never matches the empty string.
  bool filtered(int id) const { return !std::binary_search(always_.begin(), always_.end(), id); }

  // Whether pattern `id`'s filter was read from its regex at load, not embedded by the build.
  bool read_filter(int id) const { return read_[static_cast<std::size_t>(id)] != 0; }
  std::size_t read_filters() const { return read_count_; }

  enum class Which {
    all,   // every pattern
    read,  // only those with a read filter (the others are left to the set)
  };

  // Ids of the patterns that may match in `text`, ascending; never leaves out one that matches.
  // `read_found`, if given, is set to how many read literals occur in `text`.
  std::vector<int> candidates(std::string_view text, Which which = Which::all, std::size_t* read_found = nullptr) const;

 private:
  // A filter's code: like PrefilterCode, 32 bits a word (a user pack can need more literals
  // than 14 bits count). Pre-order. A chunk's found literals are pushed up from their places
  // in the code: an OR holds once a part does; an AND watches one part, its sharpest, and when
  // that one holds checks the others; a pattern passes when its root holds. Common literals
  // (" in ", " the") are mostly unwatched parts of ANDs, so a chunk costs about what it holds
  // of rare literals, not the size of the formulas.
  static constexpr std::uint32_t kLiteral = 0, kAll = 1u << 30, kAny = 2u << 30, kValue = (1u << 30) - 1;

  void add_embedded(int id, const EmbeddedPrefilter& filter);
  using ReadIndex = std::unordered_map<std::string_view, std::uint32_t>;  // read literal -> index
  void add_read(int id, const LiteralFormula& filter, ReadIndex& index);
  void encode(const LiteralFormula& f, ReadIndex& index);
  std::uint32_t literal_index(std::string_view text, ReadIndex& index);
  void finish_code(int id, std::size_t start);
  bool evaluate(std::size_t at, const std::vector<unsigned char>& seen) const;

  std::vector<std::string_view> literals_;  // the build's first, then the read ones
  std::size_t builtin_literals_ = 0;
  std::deque<std::string> read_texts_;      // what the read literals view
  std::vector<std::uint32_t> code_;
  std::vector<std::uint32_t> parent_;       // per code word: its node's parent, kNone at a root
  std::vector<std::uint32_t> ends_;         // per code word: where its node ends
  std::vector<unsigned char> watched_;      // per code word: a literal whose place is listed
  std::vector<std::size_t> sharpness_;      // finish_code()'s scratch
  std::vector<int> owner_;                  // per code word: the pattern id
  std::vector<unsigned char> read_;         // per pattern id
  std::size_t read_count_ = 0;
  std::vector<int> always_;  // ascending (filtered() searches it)
  // Where each literal is watched in code_: places_[place_start_[i] .. place_start_[i + 1]).
  std::vector<std::uint32_t> place_start_;
  std::vector<std::uint32_t> places_;
  std::unique_ptr<LiteralScanner> all_scanner_;   // null: the build's literals only, scanned by a shared scanner
  std::unique_ptr<LiteralScanner> read_scanner_;  // the read literals only
  static constexpr std::uint32_t kNone = UINT32_MAX;
};

}  // namespace draftlint::detail
