// Prepared text and its map to the original (see prepared_text.h).
#include "segment/prepared_text.h"

#include <algorithm>

namespace draftlint::detail {

PreparedText PreparedText::identity(std::string text) {
  PreparedText p;
  p.runs_.push_back({0, 0, text.size(), text.size()});
  p.text_ = std::move(text);
  return p;
}

PreparedText PreparedText::borrowed(std::string_view original) {
  PreparedText p;
  p.runs_.push_back({0, 0, original.size(), original.size()});
  p.original_ = original;
  p.borrowed_ = true;
  return p;
}

void PreparedText::append_source(std::string_view original, std::size_t offset, std::size_t length) {
  if (length == 0) return;
  if (!runs_.empty()) {
    Run& last = runs_.back();
    if (last.linear() && last.prepared + last.length == text_.size() && last.original + last.original_length == offset) {
      last.length += length;
      last.original_length += length;
      text_.append(original.substr(offset, length));
      return;
    }
  }
  runs_.push_back({text_.size(), offset, length, length});
  text_.append(original.substr(offset, length));
}

void PreparedText::append_replacement(std::string_view bytes, std::size_t offset, std::size_t original_length) {
  if (bytes.empty()) return;
  runs_.push_back({text_.size(), offset, bytes.size(), original_length});
  text_.append(bytes);
}

const PreparedText::Run* PreparedText::run_at(std::size_t offset) const {
  if (runs_.empty()) return nullptr;
  auto it = std::upper_bound(runs_.begin(), runs_.end(), offset, [](std::size_t value, const Run& r) { return value < r.prepared; });
  return it == runs_.begin() ? &runs_.front() : &*std::prev(it);
}

std::size_t PreparedText::original_begin(std::size_t offset) const {
  const Run* run = run_at(offset);
  if (!run) return offset;
  const std::size_t into = std::min(offset - std::min(offset, run->prepared), run->length);
  return run->linear() ? run->original + into : run->original + (into >= run->length ? run->original_length : 0);
}

std::size_t PreparedText::original_end(std::size_t end) const {
  if (end == 0) return original_begin(0);
  const Run* run = run_at(end - 1);  // the run holding the span's last byte
  if (!run) return end;
  const std::size_t into = end - run->prepared;
  return run->linear() ? run->original + into : run->original + run->original_length;
}

}  // namespace draftlint::detail
