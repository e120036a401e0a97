#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "ingest/csv_file.h"
#include "util/http_error.h"

namespace axis::ingest {
namespace {

// Writes `bytes` to a fresh file under the test's temp folder and returns its path.
std::string write_file(const std::string& bytes) {
  static int n = 0;
  const auto dir = std::filesystem::temp_directory_path() / "axis-csv-file-test";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / ("f" + std::to_string(n++) + ".csv")).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

CsvLimits small_limits() {
  CsvLimits limits;
  limits.max_columns = 5;
  limits.max_header_bytes = 64;
  limits.max_cell_bytes = 10;
  limits.max_file_bytes = 1000;
  return limits;
}

// The refusal inspect_csv gives for `bytes`, as "<status> <detail>".
std::string refusal(const std::string& bytes, const CsvLimits& limits = small_limits()) {
  try {
    inspect_csv(write_file(bytes), limits);
  } catch (const util::HttpError& e) {
    return std::to_string(e.status()) + " " + e.what();
  }
  return "accepted";
}

TEST(CsvFile, HeaderAndRecordsOfAPlainFile) {
  const CsvFile f = inspect_csv(write_file("a, b ,\"c,d\"\n1,2,3\n4,5,6"), small_limits());
  EXPECT_EQ(f.header(), (std::vector<std::string>{"a", "b", "c,d"}));
  EXPECT_EQ(f.records(), 2u);  // the last line has no newline and still counts
  EXPECT_EQ(f.bytes(), 23u);
}

TEST(CsvFile, BomAndLineEndingsOfEveryKind) {
  const CsvFile crlf = inspect_csv(write_file("\xEF\xBB\xBFx,y\r\n1,2\r\n3,4\r\n"), small_limits());
  EXPECT_EQ(crlf.header(), (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(crlf.records(), 2u);
  const CsvFile cr = inspect_csv(write_file("x,y\r1,2\r3,4\r"), small_limits());
  EXPECT_EQ(cr.header(), (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(cr.records(), 2u);
  const CsvFile quoted_breaks = inspect_csv(write_file("x,y\n\"a\r\nb\",2\n3,\"\r\"\n"), small_limits());
  EXPECT_EQ(quoted_breaks.records(), 2u);  // line breaks inside quotes are text
}

TEST(CsvFile, MixedLineEndingsAreRefusedNamingWhereTheyChange) {
  EXPECT_EQ(refusal("x,y\n1,2\r\n3,4\n"),
            "400 CSV parsing error: the file mixes line endings (the header row ends with LF, data "
            "row 1 with CRLF); save it with one kind of line ending");
  EXPECT_EQ(refusal("x,y\r\n1,2\r\n3,4\r5,6"),
            "400 CSV parsing error: the file mixes line endings (the header row ends with CRLF, "
            "data row 2 with CR); save it with one kind of line ending");
  EXPECT_EQ(refusal("x,y\r1,2\n"),
            "400 CSV parsing error: the file mixes line endings (the header row ends with CR, data "
            "row 1 with LF); save it with one kind of line ending");
}

TEST(CsvFile, QuotedFieldsMayHoldNewlinesAndEscapedQuotes) {
  // A field is measured as written, quotes included: "s ""hi""" is 10 bytes, the limit.
  const CsvFile f = inspect_csv(write_file("q\n\"a\nb\"\n\"s \"\"hi\"\"\"\n"), small_limits());
  EXPECT_EQ(f.records(), 2u);
  const CsvFile h = inspect_csv(write_file("\"a \"\"x\"\"\",b\n1,2\n"), small_limits());
  EXPECT_EQ(h.header(), (std::vector<std::string>{"a \"x\"", "b"}));
}

TEST(CsvFile, TooManyColumnsNamesTheSettingAndAtMostTwentyColumns) {
  EXPECT_EQ(refusal("a,b,c,d,e,f\n1,2,3,4,5,6\n"),
            "400 The CSV has 6 columns; the limit is 5 (set AXIS_MAX_CSV_COLUMNS to raise it, up "
            "to 10,000). First columns: a, b, c, d, e, f");
  std::string header;
  for (int i = 0; i < 30; ++i) header += (i ? "," : "") + std::string("c") + std::to_string(i);
  CsvLimits limits = small_limits();
  limits.max_header_bytes = 1000;
  const std::string message = refusal(header + "\n", limits);
  EXPECT_NE(message.find("The CSV has 30 columns"), std::string::npos) << message;
  EXPECT_NE(message.find("c19 and 10 more"), std::string::npos) << message;
  EXPECT_EQ(message.find("c20"), std::string::npos) << message;
}

TEST(CsvFile, AHeaderOverItsLimitIsRefusedBeforeTheRestIsRead) {
  EXPECT_EQ(refusal(std::string(70, 'h') + "\n1\n"),
            "400 The CSV header row is longer than 64 bytes, the limit; set "
            "AXIS_MAX_CSV_HEADER_BYTES to raise it");
  // Past the header limit with more columns than allowed already: the columns are named.
  EXPECT_NE(refusal("a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,a1,b1,c1,d1,e1,f1\n")
                .find("400 The CSV has more than 30 columns; the limit is 5"),
            std::string::npos);
}

TEST(CsvFile, AFieldOverItsLimitIs413WithItsRow) {
  EXPECT_EQ(refusal("a,b\n1,2\n3," + std::string(11, 'x') + "\n"),
            "413 A CSV field in data row 2 is larger than 10 bytes, the limit for one field; set "
            "AXIS_MAX_CSV_CELL_BYTES to raise it");
  EXPECT_EQ(refusal("a\n\"" + std::string(6, 'x') + "\n" + std::string(6, 'y') + "\"\n").substr(0, 4),
            "413 ");
  EXPECT_EQ(refusal("a\n" + std::string(10, 'x') + "\n"), "accepted");  // exactly the limit
}

TEST(CsvFile, AFileOverTheByteLimitIs413) {
  EXPECT_EQ(refusal("a\n" + std::string(999, '1')),
            "413 The CSV file is 1,001 bytes; the limit is 1,000 bytes (set AXIS_MAX_UPLOAD_BYTES "
            "to raise it)");
}

TEST(CsvFile, TextThatIsNotACsvIsRefusedClearly) {
  EXPECT_EQ(refusal(""), "400 Empty CSV file");
  EXPECT_EQ(refusal(" \r\n\t\n"), "400 Empty CSV file");
  EXPECT_EQ(refusal("a,b\n1,\"open\n2,3\n"),
            "400 CSV parsing error: a quoted field opened in data row 1 is never closed "
            "(unterminated quote at the end of the file)");
  EXPECT_EQ(refusal("\"a,b\n"),
            "400 CSV parsing error: a quoted field opened in the header row is never closed "
            "(unterminated quote at the end of the file)");
  EXPECT_EQ(refusal(std::string("a,b\n1,2\n3,\0x\n", 12)),
            "400 CSV parsing error: the file contains a NUL byte (in data row 2); a CSV file is "
            "text, is this a binary file?");
  EXPECT_EQ(refusal("\xFF\xFE" "a\0,\0"),
            "400 The file is UTF-16 encoded; save it as UTF-8 (\"CSV UTF-8\") and upload it again");
  EXPECT_EQ(refusal("a,\xC3\x28\n1,2\n"), "400 CSV parsing error: the header row is not valid UTF-8");
  EXPECT_EQ(refusal("a,,b\n1,2,3\n"), "400 CSV parsing error: the header row has an empty column name");
  EXPECT_EQ(refusal("a,b,a\n1,2,3\n"), "400 Duplicate column names: a");
}

}  // namespace
}  // namespace axis::ingest
