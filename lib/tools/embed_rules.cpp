// Build-time tool: turns the built-in rule pack (rules/*.yml, rules/recognizers/*.yml) into a
// C++ source file holding each file already parsed, as a flat list of YAML nodes, so the
// library builds its YAML::Node trees at start-up without running the YAML parser (which cost
// most of the pack's load time). See lib/src/rules/builtin_rules.h.
//
// Usage: draftlint_embed_rules RULES_DIR OUTPUT.cpp
// The output is rewritten only when it changes, so an unchanged pack triggers no rebuild.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "generated_source.h"

namespace fs = std::filesystem;

namespace {

using draftlint::tools::cpp_literal;

// One line of the node list: {type, "text", length}. The length keeps embedded NULs.
std::string entry(const char* type, const std::string& text = "") {
  return "    {EmbeddedNode::" + std::string(type) + ", std::string_view(" + cpp_literal(text) + ", " +
         std::to_string(text.size()) + ")},\n";
}

// Pre-order: a scalar or null is one entry; a sequence is its items then `end`; a mapping is
// key, value, key, value... then `end`. Keys are plain strings (rule files have no others).
void emit(const YAML::Node& node, const std::string& file, std::string& out) {
  switch (node.Type()) {
    case YAML::NodeType::Null: out += entry("null"); return;
    case YAML::NodeType::Scalar: out += entry("scalar", node.Scalar()); return;
    case YAML::NodeType::Sequence:
      out += entry("sequence");
      for (const YAML::Node& item : node) emit(item, file, out);
      out += entry("end");
      return;
    case YAML::NodeType::Map:
      out += entry("map");
      for (const auto& pair : node) {
        if (!pair.first.IsScalar()) throw std::runtime_error(file + ": a mapping key that is not a string");
        emit(pair.first, file, out);
        emit(pair.second, file, out);
      }
      out += entry("end");
      return;
    case YAML::NodeType::Undefined: break;
  }
  throw std::runtime_error(file + ": an undefined YAML node");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: draftlint_embed_rules RULES_DIR OUTPUT.cpp\n";
    return 2;
  }
  const fs::path dir = argv[1];
  const fs::path output = argv[2];
  std::vector<std::string> names;  // relative to dir, '/'-separated
  for (const fs::path& sub : {fs::path(), fs::path("recognizers")}) {
    for (const auto& item : fs::directory_iterator(dir / sub)) {
      if (item.is_regular_file() && item.path().extension() == ".yml") {
        names.push_back((sub / item.path().filename()).generic_string());
      }
    }
  }
  std::sort(names.begin(), names.end());

  std::string nodes, files;
  std::size_t offset = 0;
  try {
    for (const std::string& name : names) {
      std::string list;
      emit(YAML::LoadFile((dir / name).string()), name, list);
      const std::size_t count = static_cast<std::size_t>(std::count(list.begin(), list.end(), '\n'));
      nodes += "    // " + name + "\n" + list;
      files += "      {" + cpp_literal(name) + ", std::span<const EmbeddedNode>(kNodes + " + std::to_string(offset) + ", " +
               std::to_string(count) + ")},\n";
      offset += count;
    }
  } catch (const std::exception& e) {
    std::cerr << "draftlint_embed_rules: " << e.what() << "\n";
    return 1;
  }

  const std::string source =
      "// Generated from rules/*.yml by lib/tools/embed_rules.cpp. Do not edit.\n"
      "#include \"rules/builtin_rules.h\"\n\n"
      "namespace draftlint::detail {\n"
      "namespace {\n\n"
      "const EmbeddedNode kNodes[] = {\n" +
      nodes +
      "};\n\n"
      "}  // namespace\n\n"
      "std::span<const EmbeddedRuleFile> builtin_rule_files() {\n"
      "  static const EmbeddedRuleFile kFiles[] = {\n" +
      files +
      "  };\n"
      "  return kFiles;\n"
      "}\n\n"
      "}  // namespace draftlint::detail\n";

  return draftlint::tools::write_if_changed(output, source, "draftlint_embed_rules") ? 0 : 1;
}
