// Markdown → prose, with md4c: paragraphs, headings, list items, block quotes and table cells
// are kept (each ending its own unit); code blocks, code spans, raw HTML, HTML comments,
// autolinks and link destinations are dropped. YAML front matter is dropped except for the
// fields asked for, which are kept as units of their own.
#include <md4c.h>

#include <algorithm>

#include "segment/formats.h"

namespace draftlint::detail {
namespace {

struct MarkdownState {
  std::string_view source;  // the masked original
  std::size_t base = 0;     // where md4c's input starts in source (after front matter)
  PreparedText* out = nullptr;
  int code_depth = 0;       // inside a code block
  std::vector<std::string> links;  // hrefs of the links we are inside
  std::size_t last_end = 0; // original offset just after the last kept text
};

bool ends_unit(MD_BLOCKTYPE type) {
  switch (type) {
    case MD_BLOCK_P:
    case MD_BLOCK_H:
    case MD_BLOCK_LI:
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
    case MD_BLOCK_QUOTE:
    case MD_BLOCK_HR: return true;
    default: return false;
  }
}

int enter_block(MD_BLOCKTYPE type, void*, void* data) {
  auto& state = *static_cast<MarkdownState*>(data);
  if (type == MD_BLOCK_CODE || type == MD_BLOCK_HTML) ++state.code_depth;
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* data) {
  auto& state = *static_cast<MarkdownState*>(data);
  if (type == MD_BLOCK_CODE || type == MD_BLOCK_HTML) --state.code_depth;
  if (ends_unit(type)) state.out->append_replacement("\n\n", state.last_end, 0);
  return 0;
}

int enter_span(MD_SPANTYPE type, void* detail, void* data) {
  auto& state = *static_cast<MarkdownState*>(data);
  if (type == MD_SPAN_A) {
    const MD_ATTRIBUTE& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
    state.links.emplace_back(href.text ? std::string(href.text, href.size) : std::string());
  }
  return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* data) {
  auto& state = *static_cast<MarkdownState*>(data);
  if (type == MD_SPAN_A && !state.links.empty()) state.links.pop_back();
  return 0;
}

// md4c 0.4 does not flag autolinks: their text is the address itself (or its tail, after
// an added "http://" or "mailto:"), which is never prose.
bool is_address_text(const MarkdownState& state, std::string_view text) {
  if (state.links.empty() || text.empty()) return false;
  const std::string_view href = state.links.back();
  if (!href.ends_with(text)) return false;
  const std::string_view prefix = href.substr(0, href.size() - text.size());
  return prefix.empty() || prefix == "mailto:" || prefix == "http://" || prefix == "https://";
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* data) {
  auto& state = *static_cast<MarkdownState*>(data);
  const char* begin = state.source.data();
  const bool in_source = text >= begin && text + size <= begin + state.source.size();
  switch (type) {
    case MD_TEXT_NORMAL:
    case MD_TEXT_ENTITY:
      if (state.code_depth > 0 || !in_source || is_address_text(state, std::string_view(text, size))) return 0;
      state.out->append_source(state.source, static_cast<std::size_t>(text - begin), size);
      state.last_end = static_cast<std::size_t>(text - begin) + size;
      return 0;
    case MD_TEXT_SOFTBR:
    case MD_TEXT_BR:
      // A line break inside a paragraph is a space for the prose; the unit goes on.
      state.out->append_replacement(" ", state.last_end, 0);
      return 0;
    default:  // code, inline HTML, math, NUL
      return 0;
  }
}

// Length of a YAML front matter block ("---" … "---"/"...") at the start, or 0.
std::size_t front_matter_length(std::string_view text) {
  if (!text.starts_with("---\n") && !text.starts_with("---\r\n")) return 0;
  std::size_t pos = text.find('\n') + 1;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == "---" || line == "...") return std::min(end + 1, text.size());
    pos = end + 1;
  }
  return 0;  // never closed: not front matter
}

// Keeps the values of the named top-level fields ("subject: Our outage") as units.
void keep_front_matter_fields(std::string_view source, std::size_t length, const std::vector<std::string>& fields,
                              PreparedText& out) {
  std::size_t pos = source.find('\n') + 1;
  while (pos < length) {
    std::size_t end = source.find('\n', pos);
    if (end == std::string_view::npos || end > length) end = length;
    const std::string_view line = source.substr(pos, end - pos);
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos && !line.empty() && line[0] != ' ' && line[0] != '#') {
      const std::string_view key = line.substr(0, colon);
      if (std::find(fields.begin(), fields.end(), key) != fields.end()) {
        std::size_t value = colon + 1;
        std::size_t value_end = line.size();
        while (value < value_end && line[value] == ' ') ++value;
        while (value_end > value && (line[value_end - 1] == '\r' || line[value_end - 1] == ' ')) --value_end;
        if (value_end - value >= 2 && (line[value] == '"' || line[value] == '\'') && line[value_end - 1] == line[value]) {
          ++value;
          --value_end;
        }
        out.append_source(source, pos + value, value_end - value);
        out.append_replacement("\n\n", pos + value_end, 0);
      }
    }
    pos = end + 1;
  }
}

}  // namespace

PreparedText prepare_markdown(std::string_view masked, const std::vector<std::string>& front_matter_fields) {
  PreparedText out;
  const std::size_t front = front_matter_length(masked);
  if (front > 0) keep_front_matter_fields(masked, front, front_matter_fields, out);
  MarkdownState state;
  state.source = masked;
  state.base = front;
  state.out = &out;
  state.last_end = front;
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEURLAUTOLINKS |
                 MD_FLAG_PERMISSIVEEMAILAUTOLINKS | MD_FLAG_PERMISSIVEWWWAUTOLINKS;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = on_text;
  const std::string_view body = masked.substr(front);
  md_parse(body.data(), static_cast<MD_SIZE>(body.size()), &parser, &state);
  return out;
}

}  // namespace draftlint::detail
