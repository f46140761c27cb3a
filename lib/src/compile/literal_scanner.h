// Finds which of a fixed set of literals occur in a text, in one pass (and one more over the
// text's bytes when there are one-byte literals). Literals are grouped by their opening: the
// first three bytes of a three-byte literal, four of one up to seven bytes long, eight of a
// longer one. Bitmaps of hashed openings rule out most text positions, and the literals of
// the group found at the others are compared in full. Openings of eight bytes keep groups
// small where a pack's literals share a common start ("the ...", "customer ..."): grouped by
// four, every "the " in the text would mean comparing some sixty literals.
// Built in well under a millisecond for thousands of literals, where an RE2::Set of the same
// literals would take tens.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace draftlint::detail {

class LiteralScanner {
 public:
  // Every literal must be at least kMinLength bytes long, or one byte for which telling_byte()
  // holds; the scanner keeps views into them.
  static constexpr std::size_t kMinLength = 3;
  // Whether a one-byte literal is worth looking for: a digit or a symbol that prose seldom
  // holds ('@', '#', '%'...). Such bytes are what phone numbers, times, dates, addresses and
  // versions need; a letter or common punctuation occurs in every paragraph.
  static bool telling_byte(char c);
  // Looks for literals[first..]; ids are indexes into `literals`.
  explicit LiteralScanner(std::span<const std::string_view> literals, std::size_t first = 0);

  // Sets seen[i] to 1 for every literal i that occurs in `text` (seen has an entry for every
  // literal) and appends i to `found` the first time.
  void scan(std::string_view text, std::vector<unsigned char>& seen, std::vector<std::uint32_t>& found) const;

 private:
  // Hashed openings in a bitmap of about sixteen bits each: a position opening none of them
  // is unlikely to pass.
  struct Bitmap {
    unsigned bits = 0;
    std::vector<std::uint64_t> words;
    void build(std::span<const std::uint64_t> openings);
    bool may_hold(std::uint64_t opening) const;
  };
  // The literals of one opening width, grouped by opening in an open-addressing table.
  struct Groups {
    struct Slot {
      std::uint64_t opening = 0;
      std::uint32_t begin = 0;  // the group's literals: ids[begin, end); end 0 marks a free slot
      std::uint32_t end = 0;
    };
    Bitmap filter;
    unsigned table_bits = 0;
    std::vector<Slot> table;
    std::vector<std::uint32_t> ids;  // sorted by opening
    void build(std::vector<std::pair<std::uint64_t, std::uint32_t>> openings_and_ids);
    const Slot* find(std::uint64_t opening) const;
    bool empty() const { return ids.empty(); }
  };

  std::span<const std::string_view> literals_;
  std::vector<std::pair<unsigned char, std::uint32_t>> bytes_;  // one-byte literals: (byte, id)
  Groups three_;           // literals of three bytes
  Groups four_;            // four to seven bytes
  Groups eight_;           // eight or more
  Bitmap four_or_longer_;  // the first four bytes of every literal in four_ and eight_
};

}  // namespace draftlint::detail
