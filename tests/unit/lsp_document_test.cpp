// LSP documents: UTF-16 positions, incremental edits, URIs and the server's edits.
#include <string>

#include <gtest/gtest.h>

#include <draftlint/lsp.h>

namespace {

using draftlint::lsp::TextDocument;
using draftlint::lsp::TextPosition;
using draftlint::lsp::TextRange;

TextRange range(int l1, int c1, int l2, int c2) { return {{l1, c1}, {l2, c2}}; }

}  // namespace

TEST(LspDocument, PositionsCountUtf16CodeUnits) {
  // "é" is 2 bytes and 1 unit; "😀" is 4 bytes and 2 units (a surrogate pair).
  const TextDocument doc("a\xC3\xA9\xF0\x9F\x98\x80z\nx");
  EXPECT_EQ(doc.position_at(0), (TextPosition{0, 0}));
  EXPECT_EQ(doc.position_at(1), (TextPosition{0, 1}));
  EXPECT_EQ(doc.position_at(3), (TextPosition{0, 2}));
  EXPECT_EQ(doc.position_at(7), (TextPosition{0, 4}));
  EXPECT_EQ(doc.position_at(8), (TextPosition{0, 5}));  // the '\n'
  EXPECT_EQ(doc.position_at(9), (TextPosition{1, 0}));
  EXPECT_EQ(doc.position_at(5), (TextPosition{0, 2}));  // inside the emoji's bytes: its start
  EXPECT_EQ(doc.position_at(100), (TextPosition{1, 1}));
  EXPECT_EQ(doc.offset_at({0, 2}), 3u);
  EXPECT_EQ(doc.offset_at({0, 3}), 3u);  // inside the surrogate pair: the code point's start
  EXPECT_EQ(doc.offset_at({0, 4}), 7u);
  EXPECT_EQ(doc.offset_at({0, 99}), 8u);  // past the end of the line: before its line break
  EXPECT_EQ(doc.offset_at({1, 0}), 9u);
  EXPECT_EQ(doc.offset_at({5, 0}), 10u);  // past the last line: the end
  EXPECT_EQ(doc.offset_at({-1, 3}), 0u);
}

TEST(LspDocument, AllThreeLineBreaksEndLines) {
  const TextDocument doc("a\r\nb\rc\nd");
  EXPECT_EQ(doc.line_count(), 4);
  EXPECT_EQ(doc.line_text(0), "a");
  EXPECT_EQ(doc.line_text(1), "b");
  EXPECT_EQ(doc.line_text(2), "c");
  EXPECT_EQ(doc.line_text(3), "d");
  EXPECT_EQ(doc.offset_at({0, 5}), 1u);  // before "\r\n"
  EXPECT_EQ(doc.offset_at({2, 0}), 5u);
  EXPECT_EQ(doc.position_at(2), (TextPosition{0, 1}));  // between '\r' and '\n'
  EXPECT_EQ(doc.line_ending(), "\r\n");
  EXPECT_EQ(TextDocument("x\ny").line_ending(), "\n");
  EXPECT_EQ(TextDocument("x").line_ending(), "\n");
}

TEST(LspDocument, AppliesIncrementalAndFullChanges) {
  TextDocument doc("Hi \xF0\x9F\x98\x80, rest assured.\nBye");
  doc.apply_change(range(0, 6, 0, 19), "");  // " rest assured", after the emoji (2 units)
  EXPECT_EQ(doc.text(), "Hi \xF0\x9F\x98\x80,.\nBye");
  doc.apply_change(range(1, 0, 1, 0), "Good ");  // insert
  EXPECT_EQ(doc.text(), "Hi \xF0\x9F\x98\x80,.\nGood Bye");
  doc.apply_change(range(0, 6, 1, 5), " ");  // across lines
  EXPECT_EQ(doc.text(), "Hi \xF0\x9F\x98\x80, Bye");
  doc.apply_change(range(0, 9, 0, 8), "!");  // end before start: swapped
  EXPECT_EQ(doc.text(), "Hi \xF0\x9F\x98\x80, B!e");
  doc.apply_change(range(0, 100, 7, 0), "\nnew line");  // clamped to the end
  EXPECT_EQ(doc.text(), "Hi \xF0\x9F\x98\x80, B!e\nnew line");
  EXPECT_EQ(doc.line_count(), 2);
  EXPECT_EQ(doc.position_at(doc.text().size()), (TextPosition{1, 8}));
  doc.apply_change(std::nullopt, "fresh");
  EXPECT_EQ(doc.text(), "fresh");
  EXPECT_EQ(doc.line_count(), 1);
}

TEST(LspDocument, SequentialChangesAsAnEditorSendsThem) {
  TextDocument doc("one\ntwo\nthree\n");
  // Typing "X" at the start of each line, then deleting the middle line, in one didChange.
  doc.apply_change(range(0, 0, 0, 0), "X");
  doc.apply_change(range(1, 0, 1, 0), "X");
  doc.apply_change(range(2, 0, 2, 0), "X");
  doc.apply_change(range(1, 0, 2, 0), "");
  EXPECT_EQ(doc.text(), "Xone\nXthree\n");
  EXPECT_EQ(doc.range_of(5, 6), range(1, 0, 1, 6));
}

TEST(LspDocument, FileUris) {
  using draftlint::lsp::path_from_uri;
  using draftlint::lsp::uri_from_path;
  EXPECT_EQ(path_from_uri("file:///home/me/notice.md"), std::filesystem::path("/home/me/notice.md"));
  EXPECT_EQ(path_from_uri("file:///home/me/My%20Notes/a%23b.txt"), std::filesystem::path("/home/me/My Notes/a#b.txt"));
  EXPECT_EQ(path_from_uri("file://localhost/x.txt"), std::filesystem::path("/x.txt"));
  EXPECT_EQ(path_from_uri("untitled:Untitled-1"), std::nullopt);
  EXPECT_EQ(path_from_uri("file://server/share/x"), std::nullopt);
  EXPECT_EQ(uri_from_path("/home/me/My Notes/a#b.txt"), "file:///home/me/My%20Notes/a%23b.txt");
  EXPECT_EQ(path_from_uri(uri_from_path("/tmp/ünï côde.md")), std::filesystem::path("/tmp/ünï côde.md"));
}
