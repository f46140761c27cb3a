// One-pass literal search for the prefilter gate (see literal_scanner.h).
#include "compile/literal_scanner.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string_view>

namespace draftlint::detail {
namespace {

// The first `width` bytes at `p` (3, 4 or 8), as one number.
std::uint64_t opening_at(const char* p, std::size_t width) {
  std::uint64_t value = 0;
  std::memcpy(&value, p, width);
  return value;
}

std::size_t hash_of(std::uint64_t opening, unsigned bits) {
  return static_cast<std::size_t>((opening * 0x9E3779B97F4A7C15ull) >> (64 - bits));
}

}  // namespace

void LiteralScanner::Bitmap::build(std::span<const std::uint64_t> openings) {
  bits = static_cast<unsigned>(std::clamp<std::size_t>(std::bit_width(openings.size() * 16), 12, 22));
  words.assign((std::size_t{1} << bits) / 64, 0);
  for (const std::uint64_t opening : openings) {
    const std::size_t bit = hash_of(opening, bits);
    words[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
}

bool LiteralScanner::Bitmap::may_hold(std::uint64_t opening) const {
  const std::size_t bit = hash_of(opening, bits);
  return words[bit / 64] >> (bit % 64) & 1;
}

void LiteralScanner::Groups::build(std::vector<std::pair<std::uint64_t, std::uint32_t>> openings_and_ids) {
  std::sort(openings_and_ids.begin(), openings_and_ids.end());
  std::vector<std::uint64_t> openings;
  for (const auto& [opening, id] : openings_and_ids) {
    ids.push_back(id);
    if (openings.empty() || openings.back() != opening) openings.push_back(opening);
  }
  filter.build(openings);
  // At most half full: a lookup rarely probes twice.
  table_bits = static_cast<unsigned>(std::clamp<std::size_t>(std::bit_width(openings.size() * 2), 4, 24));
  table.assign(std::size_t{1} << table_bits, Slot{});
  const std::size_t mask = table.size() - 1;
  for (std::size_t begin = 0; begin < openings_and_ids.size();) {
    const std::uint64_t opening = openings_and_ids[begin].first;
    std::size_t end = begin;
    while (end < openings_and_ids.size() && openings_and_ids[end].first == opening) ++end;
    std::size_t slot = hash_of(opening, table_bits);
    while (table[slot].end != 0) slot = (slot + 1) & mask;
    table[slot] = {opening, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
    begin = end;
  }
}

const LiteralScanner::Groups::Slot* LiteralScanner::Groups::find(std::uint64_t opening) const {
  if (ids.empty() || !filter.may_hold(opening)) return nullptr;
  const std::size_t mask = table.size() - 1;
  for (std::size_t slot = hash_of(opening, table_bits);; slot = (slot + 1) & mask) {
    const Slot& s = table[slot];
    if (s.end == 0) return nullptr;
    if (s.opening == opening) return &s;
  }
}

LiteralScanner::LiteralScanner(std::span<const std::string_view> literals, std::size_t first) : literals_(literals) {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> threes, fours, eights;
  std::vector<std::uint64_t> first_fours;
  for (auto i = static_cast<std::uint32_t>(first); i < literals.size(); ++i) {
    const std::string_view literal = literals[i];
    if (literal.size() == 1 && telling_byte(literal[0])) {
      bytes_.emplace_back(static_cast<unsigned char>(literal[0]), i);
      continue;
    }
    if (literal.size() < kMinLength) continue;  // callers never pass one; never matched
    if (literal.size() == 3) {
      threes.emplace_back(opening_at(literal.data(), 3), i);
      continue;
    }
    first_fours.push_back(opening_at(literal.data(), 4));
    if (literal.size() < 8) {
      fours.emplace_back(first_fours.back(), i);
    } else {
      eights.emplace_back(opening_at(literal.data(), 8), i);
    }
  }
  three_.build(std::move(threes));
  four_.build(std::move(fours));
  eight_.build(std::move(eights));
  four_or_longer_.build(first_fours);
}

bool LiteralScanner::telling_byte(char c) {
  return (c >= '0' && c <= '9') || std::string_view("@#$%&*+=<>|~^_/\\").find(c) != std::string_view::npos;
}

void LiteralScanner::scan(std::string_view text, std::vector<unsigned char>& seen,
                          std::vector<std::uint32_t>& found) const {
  if (!bytes_.empty()) {
    std::array<bool, 256> present{};
    for (const char c : text) present[static_cast<unsigned char>(c)] = true;
    for (const auto& [byte, id] : bytes_) {
      if (present[byte] && !seen[id]) {
        seen[id] = 1;
        found.push_back(id);
      }
    }
  }
  if (text.size() < kMinLength) return;
  const char* data = text.data();
  // The literals of `group` that occur at `at`, given that their opening does.
  const auto compare = [&](const Groups& groups, const Groups::Slot& group, std::size_t at, std::size_t opening) {
    const std::size_t room = text.size() - at;
    for (std::uint32_t i = group.begin; i < group.end; ++i) {
      const std::uint32_t id = groups.ids[i];
      const std::string_view literal = literals_[id];
      if (seen[id] || literal.size() > room) continue;
      if (literal.size() == opening ||
          std::memcmp(data + at + opening, literal.data() + opening, literal.size() - opening) == 0) {
        seen[id] = 1;
        found.push_back(id);
      }
    }
  };
  const bool any_three = !three_.empty();
  const bool any_longer = !four_.empty() || !eight_.empty();
  for (std::size_t at = 0; at + 3 <= text.size(); ++at) {
    const std::size_t room = text.size() - at;
    if (any_three) {
      if (const Groups::Slot* group = three_.find(opening_at(data + at, 3))) compare(three_, *group, at, 3);
    }
    if (!any_longer || room < 4) continue;
    const std::uint64_t four = opening_at(data + at, 4);
    if (!four_or_longer_.may_hold(four)) continue;
    if (const Groups::Slot* group = four_.find(four)) compare(four_, *group, at, 4);
    if (room < 8) continue;
    if (const Groups::Slot* group = eight_.find(opening_at(data + at, 8))) compare(eight_, *group, at, 8);
  }
}

}  // namespace draftlint::detail
