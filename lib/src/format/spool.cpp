// Spooled output (see spool.h).
#include "format/spool.h"

#include <algorithm>

namespace draftlint::detail {

Spool::Spool() : file_(std::tmpfile()) {}

Spool::~Spool() {
  if (file_) std::fclose(file_);
}

void Spool::write(std::string_view bytes) {
  // A failed write falls back to memory from then on, so nothing is lost.
  if (file_ && memory_.empty() && std::fwrite(bytes.data(), 1, bytes.size(), file_) == bytes.size()) {
    size_ += bytes.size();
    return;
  }
  if (file_ && memory_.empty()) {
    // Keep what the file holds, then continue in memory.
    std::fflush(file_);
    std::rewind(file_);
    memory_.resize(size_);
    memory_.resize(std::fread(memory_.data(), 1, size_, file_));
    std::fclose(file_);
    file_ = nullptr;
  }
  memory_.append(bytes);
  size_ = memory_.size();
}

void Spool::rewind() {
  read_ = 0;
  if (file_) {
    std::fflush(file_);
    std::rewind(file_);
  }
}

void Spool::read(std::size_t count, const OutputSink& sink) {
  count = std::min(count, size_ - read_);
  if (!file_) {
    sink(std::string_view(memory_).substr(read_, count));
    read_ += count;
    return;
  }
  char buffer[65536];
  while (count > 0) {
    const std::size_t got = std::fread(buffer, 1, std::min(count, sizeof buffer), file_);
    if (got == 0) break;
    sink(std::string_view(buffer, got));
    count -= got;
    read_ += got;
  }
}

}  // namespace draftlint::detail
