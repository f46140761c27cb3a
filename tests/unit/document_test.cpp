// Reading input: UTF-8 validation, binary detection, missing files.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include <draftlint/draftlint.hpp>

namespace {

using draftlint::ReadStatus;
using draftlint::check_text;
using draftlint::find_invalid_utf8;

const std::filesystem::path kNotices = std::filesystem::path(DRAFTLINT_FIXTURES) / "notices";

}  // namespace

TEST(Document, AcceptsTextWhenItIsValidUtf8) {
  const auto r = check_text("Caf\u00E9, \u4F60\u597D, \U0001F600 \u2014 fine.\n");
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.status, ReadStatus::ok);
  EXPECT_TRUE(r.error.empty());
  EXPECT_EQ(r.text, "Caf\u00E9, \u4F60\u597D, \U0001F600 \u2014 fine.\n");
}

TEST(Document, AcceptsTextWhenItStartsWithBom) {
  const auto r = check_text("\xEF\xBB\xBFHello");
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.text, "\xEF\xBB\xBFHello");
}

TEST(Document, AcceptsTextWhenItIsEmpty) { EXPECT_TRUE(check_text("").ok()); }

TEST(Document, ReportsBinaryWhenTextHasNulByte) {
  const auto r = check_text(std::string("abc\0def", 7));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status, ReadStatus::binary);
  EXPECT_EQ(r.error_offset, 3u);
  EXPECT_FALSE(r.error.empty());
}

TEST(Document, ReportsBinaryWhenTextHasNulAndBadBytes) {
  const auto r = check_text(std::string("\xFF" "a\0", 3));
  EXPECT_EQ(r.status, ReadStatus::binary);
}

TEST(Document, ReportsFirstBadByteWhenLeadByteIsInvalid) {
  const auto r = check_text("ok \xFF then \xFE");
  EXPECT_EQ(r.status, ReadStatus::invalid_utf8);
  EXPECT_EQ(r.error_offset, 3u);
  EXPECT_NE(r.error.find('3'), std::string::npos) << r.error;
  EXPECT_EQ(r.text, "ok \xFF then \xFE");  // the bytes are kept
}

TEST(Document, ReportsOffsetWhenContinuationByteStandsAlone) {
  EXPECT_EQ(find_invalid_utf8("ab\x80"), 2u);
  EXPECT_EQ(find_invalid_utf8("\xBF"), 0u);
}

TEST(Document, ReportsOffsetAnywhereInALongAsciiText) {
  // The scan takes eight ASCII bytes at a time: a bad byte at any place in or after such a
  // run, and a good character across two runs, must come out right.
  for (std::size_t at = 0; at < 24; ++at) {
    std::string text(24, 'a');
    text[at] = '\x80';
    EXPECT_EQ(find_invalid_utf8(text), at) << "at " << at;
    std::string good(24, 'a');
    good.replace(at, 2, "\xC3\xA9");  // é
    EXPECT_EQ(find_invalid_utf8(good.substr(0, 24)), at == 23 ? std::optional<std::size_t>(23) : std::nullopt) << "at " << at;
  }
}

TEST(Document, ReportsOffsetWhenEncodingIsOverlong) {
  EXPECT_EQ(find_invalid_utf8("x\xC0\xAF"), 1u);          // '/' in two bytes
  EXPECT_EQ(find_invalid_utf8("x\xC1\xBF"), 1u);          // U+007F in two bytes
  EXPECT_EQ(find_invalid_utf8("xy\xE0\x80\xAF"), 2u);     // '/' in three bytes
  EXPECT_EQ(find_invalid_utf8("xyz\xF0\x80\x80\xAF"), 3u);  // '/' in four bytes
  EXPECT_EQ(find_invalid_utf8("\xE0\x9F\xBF"), 0u);       // U+07FF in three bytes
}

TEST(Document, ReportsOffsetWhenTextEncodesSurrogate) {
  EXPECT_EQ(find_invalid_utf8("ab\xED\xA0\x80"), 2u);  // U+D800
  EXPECT_EQ(find_invalid_utf8("a\xED\xBF\xBF"), 1u);   // U+DFFF
  EXPECT_EQ(find_invalid_utf8("a\xED\x9F\xBF"), std::nullopt);  // U+D7FF is fine
}

TEST(Document, ReportsOffsetWhenCodePointIsBeyondUnicode) {
  EXPECT_EQ(find_invalid_utf8("a\xF4\x90\x80\x80"), 1u);  // U+110000
  EXPECT_EQ(find_invalid_utf8("a\xF5\x80\x80\x80"), 1u);
  EXPECT_EQ(find_invalid_utf8("a\xF4\x8F\xBF\xBF"), std::nullopt);  // U+10FFFF is fine
}

TEST(Document, ReportsOffsetWhenSequenceIsTruncated) {
  EXPECT_EQ(find_invalid_utf8("euro \xE2\x82"), 5u);        // at the end of the text
  EXPECT_EQ(find_invalid_utf8("euro \xE2\x82 sign"), 5u);   // interrupted by a space
  EXPECT_EQ(find_invalid_utf8("\xF0\x9F\x98"), 0u);
  const auto r = check_text("euro \xE2\x82");
  EXPECT_EQ(r.status, ReadStatus::invalid_utf8);
  EXPECT_EQ(r.error_offset, 5u);
}

TEST(Document, FindsNothingWhenTextIsValid) {
  EXPECT_EQ(find_invalid_utf8("plain"), std::nullopt);
  EXPECT_EQ(find_invalid_utf8("\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80"), std::nullopt);
}

TEST(Document, ReadsFileWhenItIsUtf8) {
  const auto r = draftlint::read_file(kNotices / "clean.txt");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.text, "Dear customer,\n\nWe are sorry. Your refund is on its way.\n");
}

TEST(Document, ReadsFileWhenItStartsWithBom) {
  const auto r = draftlint::read_file(kNotices / "bom.txt");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.text.substr(0, 3), "\xEF\xBB\xBF");
}

TEST(Document, ReportsBinaryWhenFileHasNulBytes) {
  const auto r = draftlint::read_file(kNotices / "binary.txt");
  EXPECT_EQ(r.status, ReadStatus::binary);
  EXPECT_EQ(r.error_offset, 4u);
}

TEST(Document, ReportsOffsetWhenFileIsLatin1) {
  const auto r = draftlint::read_file(kNotices / "latin1.txt");
  EXPECT_EQ(r.status, ReadStatus::invalid_utf8);
  EXPECT_EQ(r.error_offset, 19u);
  EXPECT_NE(r.error.find("19"), std::string::npos) << r.error;
}

TEST(Document, ReportsNotFoundWhenFileIsMissing) {
  const auto r = draftlint::read_file(kNotices / "no-such-notice.txt");
  EXPECT_EQ(r.status, ReadStatus::not_found);
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.error.empty());
}

TEST(Document, ReportsUnreadableWhenPathIsDirectory) {
  const auto r = draftlint::read_file(kNotices);
  EXPECT_EQ(r.status, ReadStatus::unreadable);
  EXPECT_FALSE(r.ok());
}

// A file of several read() calls' worth, read into a string of its size.
TEST(Document, ReadsEveryByteWhenFileIsLargerThanOneRead) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "draftlint-document-test-large.txt";
  std::string text;
  for (int i = 0; text.size() < 300 * 1024; ++i) text += "Line " + std::to_string(i) + " of the notice.\n";
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  const auto r = draftlint::read_file(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.text, text);
  EXPECT_EQ(r.text.capacity(), text.size());  // one allocation of the file's size, no slack
}

TEST(Document, ReadsNothingWhenFileIsEmpty) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "draftlint-document-test-empty.txt";
  { std::ofstream out(path, std::ios::binary); }
  const auto r = draftlint::read_file(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.text, "");
}
