# Warning flags for draftlint's own targets, linked PRIVATE so they never reach consumers.
add_library(draftlint_warnings INTERFACE)
target_compile_options(draftlint_warnings INTERFACE
  $<$<COMPILE_LANG_AND_ID:CXX,GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion>
  $<$<AND:$<BOOL:${DRAFTLINT_WERROR}>,$<COMPILE_LANG_AND_ID:CXX,GNU,Clang>>:-Werror>)
