// Writing a JSON array one element at a time, with the bytes nlohmann's dump(2) would give
// for the whole array: the structured formats stream their findings this way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "draftlint/format.h"

namespace draftlint::detail {

// An element of an array whose opening bracket is indented by `depth` spaces: dumped with an
// indent of 2, every line moved right by depth + 2. Invalid UTF-8 is replaced, never thrown.
std::string dump_element(const nlohmann::ordered_json& element, std::size_t depth);

// The elements of one array, written to a sink as they come.
class ArrayWriter {
 public:
  ArrayWriter(OutputSink sink, std::size_t depth) : sink_(std::move(sink)), depth_(depth) {}
  void add(const nlohmann::ordered_json& element);
  // "]" after the elements, or "[]" when there were none (the caller writes what follows).
  void close();

 private:
  OutputSink sink_;
  std::size_t depth_;
  bool empty_ = true;
};

// A report that is a single JSON array with one item per finding (json, gitlab): add() in
// the subclass emits the items of a report; finish() closes the array.
class JsonArrayReport : public ReportWriter {
 public:
  explicit JsonArrayReport(OutputSink sink) : sink_(sink), array_(std::move(sink), 0) {}
  void finish(const std::vector<RuleInfo>&) final {
    array_.close();
    sink_("\n");
  }

 protected:
  void emit(const nlohmann::ordered_json& item) { array_.add(item); }

 private:
  OutputSink sink_;
  ArrayWriter array_;
};

}  // namespace draftlint::detail
