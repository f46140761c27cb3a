// The prefilter tool (prefilters.cpp) links the library to load the built-in pack, and so needs
// the table it is about to compute: it gets this empty one. The library proper links the
// generated table instead.
#include "compile/builtin_prefilters.h"

namespace draftlint::detail {

EmbeddedPrefilters builtin_prefilters() { return {}; }

}  // namespace draftlint::detail
