// Bytes put aside to be written later, in an unnamed temporary file so that they do not stay
// in memory (in memory only when no temporary file can be made).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "draftlint/format.h"

namespace draftlint::detail {

class Spool {
 public:
  Spool();
  ~Spool();
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;

  void write(std::string_view bytes);
  std::size_t size() const { return size_; }

  // Reading back, from the start: each call sends the next `count` bytes to `sink`.
  void rewind();
  void read(std::size_t count, const OutputSink& sink);

 private:
  std::FILE* file_ = nullptr;
  std::string memory_;  // when there is no file
  std::size_t size_ = 0;
  std::size_t read_ = 0;
};

}  // namespace draftlint::detail
