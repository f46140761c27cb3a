// Finds which of a fixed set of literals occur in a text, in one pass. Literals are grouped by
// their first four bytes (three for three-byte ones); a bitmap per group size rules out most
// positions, and the few left are compared in full. Four bytes, not three, because a user
// pack's literals share short openings ("of the ...", "we ..."): grouped by three, one text
// position could have fifty literals to compare. Built in well under a millisecond for
// thousands of literals, where an RE2::Set of the same literals would take tens.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace draftlint::detail {

class LiteralScanner {
 public:
  // Every literal must be at least kMinLength bytes; the scanner keeps views into them.
  static constexpr std::size_t kMinLength = 3;
  // Looks for literals[first..]; ids are indexes into `literals`.
  explicit LiteralScanner(std::span<const std::string_view> literals, std::size_t first = 0);

  // Sets seen[i] to 1 for every literal i that occurs in `text` (seen has an entry for every
  // literal) and appends i to `found` the first time.
  void scan(std::string_view text, std::vector<unsigned char>& seen, std::vector<std::uint32_t>& found) const;

 private:
  // Literals grouped by their first `width` bytes, behind a bitmap of hashed openings.
  struct Groups {
    unsigned bits = 0;
    std::vector<std::uint64_t> filter;
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_opening;
    void add(std::uint32_t opening, std::uint32_t id);
    const std::vector<std::uint32_t>* find(std::uint32_t opening) const;
  };

  std::span<const std::string_view> literals_;
  Groups three_;  // literals of exactly three bytes
  Groups four_;   // the longer ones
};

}  // namespace draftlint::detail
