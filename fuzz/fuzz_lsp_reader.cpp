// Fuzz target: the LSP base-protocol reader (Content-Length framing), fed in uneven chunks.
// A small message cap exercises the oversized-message path as well.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include <draftlint/lsp.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::size_t pos = 0;
  std::size_t chunk = 1;
  draftlint::lsp::MessageReader reader(
      [&](char* buffer, std::size_t room) -> std::size_t {
        const std::size_t n = std::min({room, size - pos, chunk});
        std::memcpy(buffer, data + pos, n);
        pos += n;
        chunk = chunk % 7 + 1;  // 1..7 bytes at a time, then repeat
        return n;
      },
      4096);
  for (int i = 0; i < 100000; ++i) {
    const draftlint::lsp::MessageResult result = reader.next();
    if (result.status == draftlint::lsp::MessageResult::Status::end) break;
  }
  return 0;
}
