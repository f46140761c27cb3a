// The C API's error channel: the thread-local last-error message, and guarded(), which runs
// an entry point's body so that no exception ever reaches C.
#pragma once

#include <new>
#include <stdexcept>
#include <string_view>

#include "draftlint/draftlint.h"

namespace draftlint::capi {

// Records `first` + `second` as this thread's last error and returns `status`. Never throws:
// if the message cannot be stored, the last error becomes a fixed "out of memory" text.
draftlint_status fail(draftlint_status status, std::string_view first, std::string_view second = {}) noexcept;

// This thread's last error ("" when no call has failed yet).
const char* last_error() noexcept;

// Runs `body` (returning draftlint_status). std::bad_alloc becomes
// DRAFTLINT_ERROR_OUT_OF_MEMORY; any other exception DRAFTLINT_ERROR_INTERNAL with its message.
template <typename Body>
draftlint_status guarded(Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return fail(DRAFTLINT_ERROR_OUT_OF_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return fail(DRAFTLINT_ERROR_INTERNAL, "internal error: ", e.what());
  } catch (...) {
    return fail(DRAFTLINT_ERROR_INTERNAL, "internal error: unknown exception");
  }
}

}  // namespace draftlint::capi
