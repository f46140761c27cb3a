// One-pass literal search for the prefilter gate (see literal_scanner.h).
#include "compile/literal_scanner.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace draftlint::detail {
namespace {

// The first three or four bytes at `p`, as one number.
std::uint32_t opening3(const char* p) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(p[0])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(p[1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(p[2])) << 16;
}

std::uint32_t opening4(const char* p) {
  std::uint32_t value;
  std::memcpy(&value, p, 4);
  return value;
}

std::uint32_t slot_of(std::uint32_t opening, unsigned bits) { return (opening * 0x9E3779B1u) >> (32 - bits); }

}  // namespace

void LiteralScanner::Groups::add(std::uint32_t opening, std::uint32_t id) {
  by_opening[opening].push_back(id);
}

const std::vector<std::uint32_t>* LiteralScanner::Groups::find(std::uint32_t opening) const {
  const std::uint32_t slot = slot_of(opening, bits);
  if (!(filter[slot / 64] >> (slot % 64) & 1)) return nullptr;
  const auto it = by_opening.find(opening);
  return it == by_opening.end() ? nullptr : &it->second;
}

LiteralScanner::LiteralScanner(std::span<const std::string_view> literals, std::size_t first) : literals_(literals) {
  for (auto i = static_cast<std::uint32_t>(first); i < literals.size(); ++i) {
    const std::string_view literal = literals[i];
    if (literal.size() < kMinLength) continue;  // callers never pass one; never matched
    if (literal.size() == 3) {
      three_.add(opening3(literal.data()), i);
    } else {
      four_.add(opening4(literal.data()), i);
    }
  }
  // About sixteen bitmap bits per group keeps a position that opens no literal unlikely to pass.
  for (Groups* g : {&three_, &four_}) {
    g->bits = static_cast<unsigned>(std::clamp<std::size_t>(std::bit_width(g->by_opening.size() * 16), 12, 22));
    g->filter.assign((std::size_t{1} << g->bits) / 64, 0);
    for (const auto& [opening, ids] : g->by_opening) {
      const std::uint32_t slot = slot_of(opening, g->bits);
      g->filter[slot / 64] |= std::uint64_t{1} << (slot % 64);
    }
  }
}

void LiteralScanner::scan(std::string_view text, std::vector<unsigned char>& seen,
                          std::vector<std::uint32_t>& found) const {
  if (text.size() < kMinLength) return;
  const char* data = text.data();
  const auto mark = [&](std::uint32_t id) {
    seen[id] = 1;
    found.push_back(id);
  };
  const bool any_three = !three_.by_opening.empty();
  for (std::size_t at = 0; at + 3 <= text.size(); ++at) {
    if (any_three) {
      if (const auto* ids = three_.find(opening3(data + at))) {
        for (std::uint32_t id : *ids) {
          if (!seen[id]) mark(id);  // the whole literal is its opening
        }
      }
    }
    if (at + 4 > text.size()) break;
    const auto* ids = four_.find(opening4(data + at));
    if (!ids) continue;
    const std::size_t room = text.size() - at;
    for (std::uint32_t id : *ids) {
      const std::string_view literal = literals_[id];
      if (seen[id] || literal.size() > room) continue;
      if (std::memcmp(data + at + 4, literal.data() + 4, literal.size() - 4) == 0) mark(id);
    }
  }
}

}  // namespace draftlint::detail
