// HTML e-mail → prose, with gumbo: text nodes only (entities decoded, positions kept through
// the map), plus the alt and title attributes; script, style, head, template and noscript
// are dropped; block elements and <br> end a unit.
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <utility>

#include "segment/formats.h"

namespace draftlint::detail {
namespace {

bool skipped(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_TEMPLATE ||
         tag == GUMBO_TAG_NOSCRIPT;
}

bool ends_unit(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_BR: case GUMBO_TAG_HR: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_PRE: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER: case GUMBO_TAG_MAIN: case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_BODY: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_CAPTION:
      return true;
    default: return false;
  }
}

void append_utf8(std::string& out, std::uint32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// The entities that occur in e-mail prose; anything else is kept as written.
constexpr std::array<std::pair<std::string_view, std::uint32_t>, 24> kEntities = {{
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", ' '},
    {"rsquo", 0x2019}, {"lsquo", 0x2018}, {"rdquo", 0x201D}, {"ldquo", 0x201C}, {"mdash", 0x2014},
    {"ndash", 0x2013}, {"hellip", 0x2026}, {"copy", 0xA9}, {"reg", 0xAE}, {"trade", 0x2122},
    {"euro", 0x20AC}, {"pound", 0xA3}, {"eacute", 0xE9}, {"bull", 0x2022}, {"middot", 0xB7},
    {"shy", 0xAD}, {"zwnj", 0x200C}, {"thinsp", ' '}}};

// Decodes the entity at text[0] ('&'); returns the bytes consumed, 0 when it is not one.
std::size_t decode_entity(std::string_view text, std::string& decoded) {
  const std::size_t semicolon = text.find(';');
  if (semicolon == std::string_view::npos || semicolon < 2 || semicolon > 10) return 0;
  const std::string_view name = text.substr(1, semicolon - 1);
  if (name[0] == '#') {
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    std::uint32_t value = 0;
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (char c : digits) {
      const int d = (c >= '0' && c <= '9') ? c - '0' : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10 : (hex && c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
      if (d < 0 || value > 0x10FFFF) return 0;
      value = value * (hex ? 16u : 10u) + static_cast<std::uint32_t>(d);
    }
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    append_utf8(decoded, value == 0xA0 ? ' ' : value);
    return semicolon + 1;
  }
  for (const auto& [entity, code] : kEntities) {
    if (entity == name) {
      append_utf8(decoded, code);
      return semicolon + 1;
    }
  }
  return 0;
}

// Appends original[begin, end) with entities decoded and line breaks and tabs as spaces.
void append_prose(std::string_view source, std::size_t begin, std::size_t end, PreparedText& out) {
  std::size_t run = begin;
  for (std::size_t i = begin; i < end; ++i) {
    const char c = source[i];
    if (c != '&' && c != '\n' && c != '\r' && c != '\t') continue;
    std::string replacement;
    std::size_t consumed = 1;
    if (c == '&') {
      consumed = decode_entity(source.substr(i, end - i), replacement);
      if (consumed == 0) continue;
    } else {
      replacement = " ";
    }
    out.append_source(source, run, i - run);
    out.append_replacement(replacement, i, consumed);
    i += consumed - 1;
    run = i + 1;
  }
  out.append_source(source, run, end - run);
}

std::size_t offset_of(std::string_view source, const char* p) { return static_cast<std::size_t>(p - source.data()); }

bool within(std::string_view source, const GumboStringPiece& piece) {
  return piece.data && piece.data >= source.data() && piece.data + piece.length <= source.data() + source.size();
}

void append_attributes(std::string_view source, const GumboElement& element, PreparedText& out) {
  for (unsigned i = 0; i < element.attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(element.attributes.data[i]);
    const std::string_view name = attr->name;
    if ((name != "alt" && name != "title") || !within(source, attr->original_value)) continue;
    std::size_t begin = offset_of(source, attr->original_value.data);
    std::size_t end = begin + attr->original_value.length;
    if (end - begin >= 2 && (source[begin] == '"' || source[begin] == '\'')) {
      ++begin;
      --end;
    }
    append_prose(source, begin, end, out);
    out.append_replacement("\n\n", end, 0);
  }
}

// Deepest element nesting the text could produce, estimated from open and close tags. Gumbo's
// time grows with the square of the depth (100,000 nested <div> take a minute), and no e-mail
// nests anywhere near kMaxDepth, so a deeper document is read without it.
constexpr int kMaxDepth = 2000;

int estimated_depth(std::string_view text) {
  int depth = 0;
  int deepest = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != '<') continue;
    if (text[i + 1] == '/') {
      depth = std::max(0, depth - 1);
    } else if (std::isalpha(static_cast<unsigned char>(text[i + 1]))) {
      const std::size_t close = text.find('>', i);
      const bool self_closing = close != std::string_view::npos && close > i && text[close - 1] == '/';
      if (!self_closing) deepest = std::max(deepest, ++depth);
    }
  }
  return deepest;
}

// The fallback for pathological nesting: every tag and comment becomes a unit break, the
// text between tags is kept (entities decoded). Script and style content is still dropped.
PreparedText prepare_flat(std::string_view text) {
  PreparedText out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find('<', i);
    const std::size_t stop = open == std::string_view::npos ? text.size() : open;
    append_prose(text, i, stop, out);
    if (open == std::string_view::npos) break;
    std::size_t close = text.find('>', open);
    close = close == std::string_view::npos ? text.size() : close + 1;
    for (std::string_view raw : {std::string_view("<script"), std::string_view("<style")}) {
      if (text.size() - open >= raw.size() && std::equal(raw.begin(), raw.end(), text.begin() + static_cast<std::ptrdiff_t>(open),
                                                         [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); })) {
        const std::size_t end_tag = text.find("</", close);
        close = end_tag == std::string_view::npos ? text.size() : end_tag;
      }
    }
    out.append_replacement("\n\n", open, 0);
    i = close;
  }
  return out;
}

}  // namespace

PreparedText prepare_html(std::string_view masked) {
  if (estimated_depth(masked) > kMaxDepth) return prepare_flat(masked);
  PreparedText out;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we only want the tree
  GumboOutput* tree = gumbo_parse_with_options(&options, masked.data(), masked.size());
  // Iterative walk: deeply nested HTML must not exhaust the stack.
  std::vector<std::pair<const GumboNode*, bool>> stack{{tree->root, false}};
  while (!stack.empty()) {
    auto [node, leaving] = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      const GumboText& text = node->v.text;
      if (within(masked, text.original_text)) {
        const std::size_t begin = offset_of(masked, text.original_text.data);
        append_prose(masked, begin, begin + text.original_text.length, out);
      }
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE && node->type != GUMBO_NODE_DOCUMENT) continue;
    if (node->type == GUMBO_NODE_DOCUMENT) {
      const GumboVector& children = node->v.document.children;
      for (unsigned i = children.length; i > 0; --i) stack.push_back({static_cast<const GumboNode*>(children.data[i - 1]), false});
      continue;
    }
    const GumboElement& element = node->v.element;
    if (skipped(element.tag)) continue;
    if (leaving) {
      if (ends_unit(element.tag)) out.append_replacement("\n\n", std::min<std::size_t>(element.end_pos.offset, masked.size()), 0);
      continue;
    }
    append_attributes(masked, element, out);
    stack.push_back({node, true});
    for (unsigned i = element.children.length; i > 0; --i) {
      stack.push_back({static_cast<const GumboNode*>(element.children.data[i - 1]), false});
    }
  }
  gumbo_destroy_output(&options, tree);
  return out;
}

}  // namespace draftlint::detail
