// Template syntax and a byte order mark masked in the caller's own text rather than in a copy
// (see templates.h), with what it takes to put the original back. For a large file the copy
// would cost as much memory as the file; the bytes kept here are only those of the syntax.
#pragma once

#include <string>
#include <vector>

#include "match/match_cache.h"

namespace draftlint::detail {

class InPlaceMask {
 public:
  // Masks `text`, which must stay alive and untouched by others until restored.
  explicit InPlaceMask(std::string& text);
  // Restores the text if restore() has not (also when a lint is cut short by an exception).
  ~InPlaceMask();
  InPlaceMask(const InPlaceMask&) = delete;
  InPlaceMask& operator=(const InPlaceMask&) = delete;

  // Puts every masked byte back; the text is then exactly as it was given.
  void restore();

 private:
  std::string& text_;
  bool bom_ = false;
  std::vector<Span> spans_;  // masked template syntax, in order
  std::string originals_;    // the bytes of those spans before masking, concatenated
  bool restored_ = false;
};

}  // namespace draftlint::detail
