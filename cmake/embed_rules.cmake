# Turns the built-in rule pack (rules/*.yml) into a C++ source file, so the library and the
# CLI work with no files installed.
# Run as: cmake -DRULES_DIR=<dir> -DOUTPUT=<file.cpp> -P embed_rules.cmake
# Rules are rules/*.yml; named recognizers (@time, ...) are rules/recognizers/*.yml.
file(GLOB rule_files RELATIVE "${RULES_DIR}" "${RULES_DIR}/*.yml" "${RULES_DIR}/recognizers/*.yml")
list(SORT rule_files)
set(arrays "")
set(entries "")
set(index 0)
foreach(name IN LISTS rule_files)
  file(READ "${RULES_DIR}/${name}" content HEX)
  string(LENGTH "${content}" hex_length)
  math(EXPR byte_count "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${content}")
  string(APPEND arrays "const unsigned char kRule${index}[] = {${bytes}0};\n")
  string(APPEND entries "    {\"${name}\", std::string_view(reinterpret_cast<const char*>(kRule${index}), ${byte_count})},\n")
  math(EXPR index "${index} + 1")
endforeach()
set(source "// Generated from rules/*.yml by cmake/embed_rules.cmake. Do not edit.
#include \"rules/builtin_rules.h\"

namespace draftlint::detail {
namespace {
${arrays}}  // namespace

std::span<const EmbeddedRuleFile> builtin_rule_files() {
  static const EmbeddedRuleFile kFiles[] = {
${entries}    {\"\", std::string_view()}};
  return std::span<const EmbeddedRuleFile>(kFiles, std::size(kFiles) - 1);
}
}  // namespace draftlint::detail
")
# Only rewrite when the content changes, so an unchanged pack does not trigger a rebuild.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" previous)
  if(previous STREQUAL source)
    return()
  endif()
endif()
file(WRITE "${OUTPUT}" "${source}")
