// The thread-local last-error message behind draftlint_last_error().
#include "capi/last_error.h"

#include <string>

namespace draftlint::capi {

namespace {

thread_local std::string message;
thread_local const char* fixed = nullptr;  // set when `message` could not be stored

}  // namespace

draftlint_status fail(draftlint_status status, std::string_view first, std::string_view second) noexcept {
  try {
    message.assign(first);
    message.append(second);
    fixed = nullptr;
  } catch (...) {
    fixed = "out of memory (while recording an error message)";
  }
  return status;
}

const char* last_error() noexcept { return fixed ? fixed : message.c_str(); }

}  // namespace draftlint::capi
