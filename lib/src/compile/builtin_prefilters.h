// Literal prefilters of the built-in pack's patterns, computed at build time by
// lib/tools/prefilters.cpp with RE2's own literal analysis (re2::FilteredRE2). Computing them at
// start-up would mean compiling every pattern, which is the cost they exist to avoid.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace draftlint::detail {

// One word of a prefilter's code: an operation in the top two bits, a value in the rest.
// A formula is written in pre-order: `all n` or `any n` followed by its n parts, or `literal i`
// (an index into EmbeddedPrefilters::literals).
struct PrefilterCode {
  enum Op : std::uint16_t { literal_op = 0, all_op = 1u << 14, any_op = 2u << 14 };
  static constexpr std::size_t kMaxValue = (1u << 14) - 1;
  static constexpr std::uint16_t literal(std::size_t i) { return static_cast<std::uint16_t>(literal_op | i); }
  static constexpr std::uint16_t all(std::size_t n) { return static_cast<std::uint16_t>(all_op | n); }
  static constexpr std::uint16_t any(std::size_t n) { return static_cast<std::uint16_t>(any_op | n); }
  static constexpr Op op(std::uint16_t word) { return static_cast<Op>(word & 0xC000u); }
  static constexpr std::size_t value(std::uint16_t word) { return word & kMaxValue; }
};

// A pattern can match a text only if its formula holds, a literal holding when it occurs in
// the text's folded form (literal_text.h).
struct EmbeddedPrefilter {
  std::string_view regex;  // exactly as the rule translator writes it
  std::span<const std::uint16_t> code;
};

struct EmbeddedPrefilters {
  std::span<const std::string_view> literals;   // folded; each 3 bytes or more, or one telling byte
  std::span<const EmbeddedPrefilter> patterns;  // sorted by regex; a pattern not listed has none
};

EmbeddedPrefilters builtin_prefilters();

}  // namespace draftlint::detail
