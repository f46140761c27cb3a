// The built-in rule pack, embedded at build time from rules/*.yml by lib/tools/embed_rules.cpp.
// Each file is stored already parsed, as a flat list of YAML nodes: building a YAML::Node tree
// from it costs about a twentieth of running yaml-cpp's parser over the text.
#pragma once

#include <span>
#include <string_view>

#include <yaml-cpp/yaml.h>

namespace draftlint::detail {

// One node of an embedded file, in pre-order: a scalar or null is one entry; a sequence is its
// items then `end`; a mapping is key, value, key, value... then `end` (keys are scalars).
struct EmbeddedNode {
  enum Type : unsigned char { null, scalar, sequence, map, end };
  Type type;
  std::string_view text;  // a scalar's value
};

struct EmbeddedRuleFile {
  std::string_view name;               // path under rules/, e.g. "platitude.yml", "recognizers/time.yml"
  std::span<const EmbeddedNode> nodes;  // the whole file: one root node
};

// Every embedded rule file, sorted by name. Valid for the life of the program.
std::span<const EmbeddedRuleFile> builtin_rule_files();

// The YAML tree of an embedded file. Its nodes carry no marks (line and column): the built-in
// pack is checked at build time, so nothing in it is ever reported.
YAML::Node embedded_yaml(std::span<const EmbeddedNode> nodes);

}  // namespace draftlint::detail
