// The cheap gate: which patterns may match in a text chunk, decided from the literals each
// pattern needs (builtin_prefilters.h) with one literal scan and no regex at all. It answers
// "maybe" more often than the RE2::Set gate (about three times as many patterns on a typical
// notice; the locators then say no), but costs nothing to set up, where the set costs
// tens of milliseconds to compile. PatternTable uses it until enough text has been linted to
// pay for the set.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "compile/builtin_prefilters.h"
#include "rules/rule.h"

namespace draftlint::detail {

class PrefilterGate {
 public:
  explicit PrefilterGate(std::span<const Pattern> patterns);

  // How many patterns have no prefilter (user patterns, or ones needing no literal at all);
  // each is a candidate in every chunk.
  std::size_t unfiltered() const { return always_.size(); }

  // Ids of the patterns that may match in `text`, ascending; never leaves out one that matches.
  std::vector<int> candidates(std::string_view text) const;

 private:
  // Whether the formula at code[at] holds; `ends[i]` is where the part at code[i] ends, so an
  // AND stops at its first false part and an OR at its first true one.
  static bool holds(std::span<const std::uint16_t> code, const std::vector<std::uint32_t>& ends, std::size_t at,
                    const std::vector<unsigned char>& seen);

  EmbeddedPrefilters data_;
  std::vector<int> always_;
  std::vector<const EmbeddedPrefilter*> filter_of_;  // per pattern id, null when none
  std::vector<std::vector<std::uint32_t>> ends_;     // per pattern id, for holds()
  std::vector<std::vector<int>> ids_by_literal_;
};

}  // namespace draftlint::detail
