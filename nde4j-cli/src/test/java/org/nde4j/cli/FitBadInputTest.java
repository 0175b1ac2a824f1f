package org.nde4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nde4j.cli.FitFixtures.Run;

/**
 * Bad input to {@code nde4j fit}: each case gives exit code 1 and one {@code error:} line naming
 * the file, line and column or the option, and leaves an existing run directory byte for byte as
 * it was.
 */
class FitBadInputTest {
  @TempDir
  Path tmp;

  private Path out;
  private Map<String, byte[]> before;

  /** An existing run directory that every refused command must leave alone. */
  @BeforeEach
  void existingRun() throws Exception {
    out = tmp.resolve("run");
    Files.createDirectories(out.resolve("plots"));
    Files.writeString(out.resolve("config.json"), "{\"command\": \"fit\"}\n");
    Files.writeString(out.resolve("metrics.csv"), "iteration,loss,val_loss,lr,time\n1,2,NaN,3,4\n");
    Files.write(out.resolve("plots/loss.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    before = FitFixtures.snapshot(out);
  }

  private Run fitBad(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "fit";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--out";
    all[args.length + 2] = out.toString();
    all[args.length + 3] = "--iters";
    all[args.length + 4] = "2";
    Run r = FitFixtures.run(all);
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ");
    assertThat(FitFixtures.snapshot(out)).as("files of the existing run")
        .containsOnlyKeys(before.keySet());
    before.forEach((k, v) -> assertThat(FitFixtures.snapshot(out).get(k)).as(k).isEqualTo(v));
    return r;
  }

  private Path csv(String name, String text) throws Exception {
    return Files.writeString(tmp.resolve(name), text);
  }

  @Test
  void missingDataFile() {
    Path missing = tmp.resolve("nope.csv");
    assertThat(fitBad("--data", missing.toString()).err())
        .isEqualTo("error: " + missing + ": no such file\n");
  }

  @Test
  void noTimeColumn() throws Exception {
    Path f = csv("t.csv", "t,x,y\n0,1,2\n1,2,3\n");
    assertThat(fitBad("--data", f.toString()).err()).contains(f + ":1:1: the header must start "
        + "with 'id,time'").contains("found 't,x,y'");
  }

  @Test
  void columnThatIsNotAStateOfTheModel() throws Exception {
    Path model = Files.writeString(tmp.resolve("lv.yaml"),
        FitFixtures.lotkaVolterra(FitFixtures.START, true));
    Path f = csv("lvz.csv", "time,x,z\n0,1,2\n1,2,3\n");
    assertThat(fitBad("--data", f.toString(), "--model", model.toString()).err())
        .contains(f + ":1:8: unknown column 'z' (expected some of the channels: x, y)");
  }

  @Test
  void nonNumericCell() throws Exception {
    Path f = csv("n.csv", "id,time,x\na,0,1\na,1,abc\n");
    assertThat(fitBad("--data", f.toString()).err())
        .contains(f + ":3:5: column 'x': 'abc' is not a number");
  }

  @Test
  void unsortedTimesWithinASeries() throws Exception {
    Path f = csv("u.csv", "id,time,x\na,0,1\na,2,1\nb,0,1\na,1,2\nb,1,1\n");
    assertThat(fitBad("--data", f.toString()).err())
        .contains(f + ":5:3: column 'time': time 1 is before 2.0 (line 3) in series 'a'");
  }

  @Test
  void duplicateTimesWithinASeries() throws Exception {
    Path f = csv("d.csv", "time,x\n0,1\n0.5,2\n0.50,3\n");
    assertThat(fitBad("--data", f.toString()).err())
        .contains(f + ":4:1: column 'time': time 0.50 repeats the time of line 3");
  }

  @Test
  void seriesWithOnePoint() throws Exception {
    Path f = csv("o.csv", "id,time,x\na,0,1\na,1,2\nb,0,3\n");
    assertThat(fitBad("--data", f.toString()).err())
        .contains(f + ":4:1: series 'b' has 1 point (line 4); at least 2 are needed");
  }

  @Test
  void unknownModelKeyword() throws Exception {
    Path f = FitFixtures.spiralCsv(tmp);
    assertThat(fitBad("--data", f.toString(), "--model", "neural-sde").err())
        .contains("--model: 'neural-sde' is neither a model keyword (neural-ode) nor an existing "
            + "model file");
  }

  @Test
  void unknownKeyInTheModelFile() throws Exception {
    Path f = FitFixtures.lotkaVolterraCsv(tmp);
    Path model = Files.writeString(tmp.resolve("m.yaml"),
        FitFixtures.lotkaVolterra(FitFixtures.START, true) + "solvr: {name: tsit5}\n");
    assertThat(fitBad("--data", f.toString(), "--model", model.toString()).err())
        .contains(model + ":10:1: unknown top-level key 'solvr'");
  }

  @Test
  void neuralOdeOptionForAModelFile() throws Exception {
    Path f = FitFixtures.lotkaVolterraCsv(tmp);
    Path model = Files.writeString(tmp.resolve("lv.yaml"),
        FitFixtures.lotkaVolterra(FitFixtures.START, true));
    assertThat(fitBad("--data", f.toString(), "--model", model.toString(), "--hidden", "8")
        .err()).contains("--hidden: for --model neural-ode only");
  }

  @Test
  void existingRunDirectoryWithoutForce() throws Exception {
    Path f = FitFixtures.spiralCsv(tmp);
    assertThat(fitBad("--data", f.toString()).err()).contains("run directory " + out
        + " already exists and is not empty").contains("--force");
  }

  @Test
  void resumeFromADifferentConfiguration() throws Exception {
    Path f = FitFixtures.spiralCsv(tmp);
    Path dir = tmp.resolve("first");
    Run first = FitFixtures.run("fit", "--data", f.toString(), "--hidden", "4", "--depth", "1",
        "--iters", "2", "--lr", "0.01", "--out", dir.toString());
    assertThat(first.code()).as(first.err()).isZero();
    Map<String, byte[]> kept = FitFixtures.snapshot(dir);
    Run r = FitFixtures.run("fit", "--data", f.toString(), "--hidden", "5", "--depth", "1",
        "--iters", "2", "--lr", "0.02", "--resume", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: --resume " + dir)
        .contains("model.hidden: 4 in " + dir.resolve("config.json") + ", 5 now")
        .contains("training.lr: 0.01 in " + dir.resolve("config.json") + ", 0.02 now");
    Map<String, byte[]> after = FitFixtures.snapshot(dir);
    assertThat(after).containsOnlyKeys(kept.keySet());
    kept.forEach((k, v) -> assertThat(after.get(k)).as(k).isEqualTo(v));
  }
}
