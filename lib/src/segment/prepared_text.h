// The text the matcher reads, built from a document's prose, with a map back to the bytes of
// the original file. Plain text maps one to one; Markdown and HTML keep only their prose and
// add paragraph breaks ("\n\n") where blocks end; HTML entities are decoded. Every offset the
// matcher reports is turned back into an offset of the original through the map, so findings
// always point at the file the writer has open.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace draftlint::detail {

class PreparedText {
 public:
  // The whole of `original`, byte for byte (plain text).
  static PreparedText identity(std::string text);
  // The same without a copy: the prepared text is `original` itself, which must outlive the
  // result (plain text with nothing to mask, the common case for large files).
  static PreparedText borrowed(std::string_view original);

  PreparedText() = default;

  // Appends original[offset, offset + length) as is (not to a borrowed text).
  void append_source(std::string_view original, std::size_t offset, std::size_t length);
  // Appends bytes that stand for original[offset, offset + original_length) as a whole: a
  // decoded entity, or (original_length 0) a break the format implies.
  void append_replacement(std::string_view bytes, std::size_t offset, std::size_t original_length);

  // The prose, without copying (a view of the original when borrowed).
  std::string_view view() const { return borrowed_ ? original_ : std::string_view(text_); }

  // Frees the prose, keeping the map: once matched, only offsets are still mapped.
  void release_text() {
    std::string().swap(text_);
    original_ = {};
  }

  // Original offset of the byte at `offset` (a start), and of the end of a span ending at `end`.
  std::size_t original_begin(std::size_t offset) const;
  std::size_t original_end(std::size_t end) const;

 private:
  struct Run {
    std::size_t prepared;  // first byte in text_
    std::size_t original;  // first byte in the original
    std::size_t length;    // bytes in text_
    std::size_t original_length;
    bool linear() const { return length == original_length; }
  };
  const Run* run_at(std::size_t offset) const;

  std::string text_;           // the prose, unless borrowed_
  std::string_view original_;  // the prose when borrowed_
  bool borrowed_ = false;
  std::vector<Run> runs_;
};

}  // namespace draftlint::detail
