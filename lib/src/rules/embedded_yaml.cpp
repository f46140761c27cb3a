// YAML trees of the embedded rule files (see builtin_rules.h).
#include <string>

#include "rules/builtin_rules.h"

namespace draftlint::detail {
namespace {

// Builds the node at the front of `rest` and consumes it (with its children and `end`).
YAML::Node build(std::span<const EmbeddedNode>& rest) {
  const EmbeddedNode node = rest.front();
  rest = rest.subspan(1);
  switch (node.type) {
    case EmbeddedNode::scalar: return YAML::Node(std::string(node.text));
    case EmbeddedNode::sequence: {
      YAML::Node out(YAML::NodeType::Sequence);
      while (rest.front().type != EmbeddedNode::end) out.push_back(build(rest));
      rest = rest.subspan(1);
      return out;
    }
    case EmbeddedNode::map: {
      YAML::Node out(YAML::NodeType::Map);
      while (rest.front().type != EmbeddedNode::end) {
        const std::string key(rest.front().text);
        rest = rest.subspan(1);
        out.force_insert(key, build(rest));
      }
      rest = rest.subspan(1);
      return out;
    }
    case EmbeddedNode::null:
    case EmbeddedNode::end: break;
  }
  return YAML::Node(YAML::NodeType::Null);
}

}  // namespace

YAML::Node embedded_yaml(std::span<const EmbeddedNode> nodes) {
  if (nodes.empty()) return YAML::Node(YAML::NodeType::Null);
  return build(nodes);
}

}  // namespace draftlint::detail
