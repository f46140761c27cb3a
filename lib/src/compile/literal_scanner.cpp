// One-pass literal search for the prefilter gate (see literal_scanner.h).
#include "compile/literal_scanner.h"

#include <cstring>

namespace draftlint::detail {
namespace {

constexpr unsigned kFilterBits = 16;

std::uint32_t prefix_of(const char* p) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(p[0])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(p[1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(p[2])) << 16;
}

std::uint32_t filter_slot(std::uint32_t prefix) { return (prefix * 0x9E3779B1u) >> (32 - kFilterBits); }

}  // namespace

LiteralScanner::LiteralScanner(std::span<const std::string_view> literals)
    : literals_(literals), filter_((std::size_t{1} << kFilterBits) / 64) {
  for (std::uint32_t i = 0; i < literals.size(); ++i) {
    if (literals[i].size() < kMinLength) continue;  // callers never pass one; never matched
    const std::uint32_t prefix = prefix_of(literals[i].data());
    const std::uint32_t slot = filter_slot(prefix);
    filter_[slot / 64] |= std::uint64_t{1} << (slot % 64);
    by_prefix_[prefix].push_back(i);
  }
}

void LiteralScanner::scan(std::string_view text, std::vector<unsigned char>& seen,
                          std::vector<std::uint32_t>& found) const {
  if (text.size() < kMinLength) return;
  const char* data = text.data();
  const std::size_t last = text.size() - kMinLength;
  for (std::size_t at = 0; at <= last; ++at) {
    const std::uint32_t prefix = prefix_of(data + at);
    const std::uint32_t slot = filter_slot(prefix);
    if (!(filter_[slot / 64] >> (slot % 64) & 1)) continue;
    const auto it = by_prefix_.find(prefix);
    if (it == by_prefix_.end()) continue;
    const std::size_t room = text.size() - at;
    for (std::uint32_t id : it->second) {
      const std::string_view literal = literals_[id];
      if (seen[id] || literal.size() > room) continue;
      // The first three bytes are equal; the fourth settles most of the rest.
      if (literal.size() > 3 && literal[3] != data[at + 3]) continue;
      if (std::memcmp(data + at + 3, literal.data() + 3, literal.size() - 3) == 0) {
        seen[id] = 1;
        found.push_back(id);
      }
    }
  }
}

}  // namespace draftlint::detail
