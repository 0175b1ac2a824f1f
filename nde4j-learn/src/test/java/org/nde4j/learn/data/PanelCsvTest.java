package org.nde4j.learn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelCsvTest {
  @TempDir Path dir;

  private Path csv(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void longFormatWithIrregularTimesInterleavedRowsAndMissingCells() throws IOException {
    Path f = csv("long.csv", "id,time,x,y\r\n"
        + "a,0,1.0,2.0\r\n"
        + "b,0.5,,3\r\n"
        + "a,0.25,NaN,-1e-3\r\n"
        + "  \r\n"
        + "\"b\",1.75,4, nan\r\n"
        + "a,1,5.5,6\r\n");
    Panel p = PanelCsv.read(f);
    assertThat(p.channels()).containsExactly("x", "y");
    assertThat(p.series()).extracting(Series::id).containsExactly("a", "b");
    Series a = p.series("a");
    assertThat(a.times().toArray()).containsExactly(0, 0.25, 1);
    assertThat(a.values().toArray()).containsExactly(1, 2, 0, -1e-3, 5.5, 6);
    assertThat(a.mask().toArray()).containsExactly(1, 1, 0, 1, 1, 1);
    assertThat(a.value(1, 0)).isNaN();
    Series b = p.series("b");
    assertThat(b.times().toArray()).containsExactly(0.5, 1.75);
    assertThat(b.mask().toArray()).containsExactly(0, 1, 1, 0);
    assertThat(b.values().shape().dims()).containsExactly(2, 2);
  }

  @Test
  void wideFormatAndExplicitLayouts() throws IOException {
    Path f = csv("wide.csv", "\uFEFFTime, u ,v\n0,1,2\n0.1,3,\n0.3,5,6\n");
    Panel p = PanelCsv.read(f);
    assertThat(p.channels()).containsExactly("u", "v");
    assertThat(p.series()).hasSize(1);
    Series s = p.series().get(0);
    assertThat(s.id()).isEmpty();
    assertThat(s.times().toArray()).containsExactly(0, 0.1, 0.3);
    assertThat(s.mask().toArray()).containsExactly(1, 1, 1, 0, 1, 1);
    assertThat(PanelCsv.read(f, CsvLayout.WIDE).series().get(0).length()).isEqualTo(3);
    assertError(() -> PanelCsv.read(f, CsvLayout.LONG), f, 1, 1,
        "long format needs the header 'id,time,<channels…>', found 'Time,u,v'");
    Path longFile = csv("l.csv", "id,time,x\na,0,1\na,1,2\n");
    assertError(() -> PanelCsv.read(longFile, CsvLayout.WIDE), longFile, 1, 1,
        "wide format needs the header 'time,<channels…>', found 'id,time,x'");
  }

  @Test
  void expectedChannelsAreReorderedAndChecked() throws IOException {
    Path f = csv("c.csv", "time,y,x\n0,1,2\n1,3,4\n");
    Panel p = PanelCsv.read(f, CsvLayout.AUTO, List.of("x", "y"));
    assertThat(p.channels()).containsExactly("x", "y");
    assertThat(p.series().get(0).values().toArray()).containsExactly(2, 1, 4, 3);
    assertError(() -> PanelCsv.read(f, CsvLayout.AUTO, List.of("x", "z")), f, 1, 6,
        "unknown column 'y' (expected channels: x, z)");
    assertError(() -> PanelCsv.read(f, CsvLayout.AUTO, List.of("x", "y", "z")), f, 1, 1,
        "missing column 'z' (expected channels: x, y, z)");
  }

  @Test
  void missingFile() {
    Path f = dir.resolve("absent.csv");
    assertThatThrownBy(() -> PanelCsv.read(f)).isInstanceOf(DataFileException.class)
        .hasMessage(f + ": no such file");
  }

  @Test
  void wrongOrUnknownColumns() throws IOException {
    Path unknown = csv("unknown.csv", "t,x\n0,1\n");
    assertError(() -> PanelCsv.read(unknown), unknown, 1, 1,
        "the header must start with 'id,time' (long format: id,time,<channels…>) or 'time' "
            + "(wide format: time,<channels…>), found 't,x'");
    Path dup = csv("dup.csv", "time,x,X\n0,1,2\n1,2,3\n");
    assertError(() -> PanelCsv.read(dup), dup, 1, 8, "column 'X' appears twice");
    Path none = csv("none.csv", "id,time\na,0\n");
    assertError(() -> PanelCsv.read(none), none, 1, 1, "names no channel after 'id,time'");
    Path reserved = csv("reserved.csv", "time,x,time\n0,1,2\n");
    assertError(() -> PanelCsv.read(reserved), reserved, 1, 8, "column 'time' is reserved");
    Path blank = csv("blank.csv", "time,x,,y\n0,1,2,3\n");
    assertError(() -> PanelCsv.read(blank), blank, 1, 8, "column 3 has no name");
    Path cells = csv("cells.csv", "id,time,x\na,0,1\na,1,2,3\n");
    assertError(() -> PanelCsv.read(cells), cells, 3, 7,
        "expected 3 cells (id,time,x), found 4");
    Path fewer = csv("fewer.csv", "id,time,x\na,0\n");
    assertError(() -> PanelCsv.read(fewer), fewer, 2, 4, "expected 3 cells (id,time,x), found 2");
    Path empty = csv("empty.csv", "\n\n");
    assertThatThrownBy(() -> PanelCsv.read(empty)).hasMessageStartingWith(empty + ": is empty");
    Path headerOnly = csv("header.csv", "time,x\n");
    assertThatThrownBy(() -> PanelCsv.read(headerOnly))
        .hasMessage(headerOnly + ": has a header but no data rows");
  }

  @Test
  void nonNumericCells() throws IOException {
    Path f = csv("text.csv", "id,time,x,y\na,0,1,2\na,1,abc,2\n");
    assertError(() -> PanelCsv.read(f), f, 3, 5,
        "column 'x': 'abc' is not a number (write an empty cell or NaN for a missing value)");
    Path time = csv("time.csv", "time,x\n0,1\n1 s,2\n");
    assertError(() -> PanelCsv.read(time), time, 3, 1, "column 'time': '1 s' is not a number");
    Path inf = csv("inf.csv", "time,x\n0,Infinity\n1,2\n");
    assertError(() -> PanelCsv.read(inf), inf, 2, 3, "column 'x': 'Infinity' is not a number");
    Path big = csv("big.csv", "time,x\n0,1e999\n1,2\n");
    assertError(() -> PanelCsv.read(big), big, 2, 3, "column 'x': 1e999 is beyond the range");
    Path noTime = csv("notime.csv", "time,x\n0,1\n,2\n");
    assertError(() -> PanelCsv.read(noTime), noTime, 3, 1, "column 'time': the time is missing");
    Path noId = csv("noid.csv", "id,time,x\na,0,1\n ,1,2\n");
    assertError(() -> PanelCsv.read(noId), noId, 3, 2, "column 'id': the series id is empty");
    Path quote = csv("quote.csv", "id,time,x\n\"a,0,1\n");
    assertError(() -> PanelCsv.read(quote), quote, 2, 1, "unterminated quoted cell");
    Path utf = dir.resolve("latin1.csv");
    Files.write(utf, new byte[] {'t', 'i', 'm', 'e', ',', (byte) 0xe9, '\n'});
    assertThatThrownBy(() -> PanelCsv.read(utf)).hasMessage(utf + ": is not UTF-8 text");
  }

  @Test
  void unsortedOrDuplicateTimesWithinASeries() throws IOException {
    Path unsorted = csv("unsorted.csv", "id,time,x\na,0,1\nb,5,1\na,2,1\nb,6,1\na,1.5,1\n");
    assertError(() -> PanelCsv.read(unsorted), unsorted, 6, 3,
        "column 'time': time 1.5 is before 2.0 (line 4) in series 'a'; times must increase "
            + "strictly within a series");
    Path dup = csv("duptime.csv", "time,x\n0,1\n0.5,2\n0.50,3\n");
    assertError(() -> PanelCsv.read(dup), dup, 4, 1,
        "column 'time': time 0.50 repeats the time of line 3");
  }

  @Test
  void seriesWithFewerThanTwoPoints() throws IOException {
    Path f = csv("short.csv", "id,time,x\na,0,1\nb,0,1\na,1,2\n");
    assertError(() -> PanelCsv.read(f), f, 3, 1,
        "series 'b' has 1 point (line 3); at least 2 are needed");
    Path w = csv("shortwide.csv", "time,x\n\n0,1\n");
    assertError(() -> PanelCsv.read(w), w, 3, 1,
        "the series has 1 point (line 3); at least 2 are needed");
  }

  private static void assertError(Runnable r, Path file, int line, int column, String reason) {
    assertThatThrownBy(r::run).isInstanceOf(DataFileException.class)
        .hasMessageStartingWith(file + ":" + line + ":" + column + ": ")
        .hasMessageContaining(reason)
        .satisfies(e -> {
          DataFileException d = (DataFileException) e;
          assertThat(d.line()).isEqualTo(line);
          assertThat(d.column()).isEqualTo(column);
          assertThat(d.file()).isEqualTo(file.toString());
        });
  }

  @Test
  void subsetOfAllowedChannelsKeepsFileOrderAndTheirSpelling() throws IOException {
    Path f = csv("sub.csv", "time,Y,x\n0,1,2\n1,3,4\n");
    Panel p = PanelCsv.readSubset(f, CsvLayout.AUTO, List.of("x", "y", "z"));
    assertThat(p.channels()).containsExactly("y", "x");
    assertThat(p.series().get(0).values().toArray()).containsExactly(1, 2, 3, 4);
    Path bad = csv("bad.csv", "time,x,w\n0,1,2\n1,3,4\n");
    assertThatThrownBy(() -> PanelCsv.readSubset(bad, CsvLayout.AUTO, List.of("x", "y")))
        .isInstanceOf(DataFileException.class)
        .hasMessage(bad + ":1:8: unknown column 'w' (expected some of the channels: x, y)");
  }
}
