package org.nde4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nde4j.cli.FitFixtures.Run;
import org.nde4j.learn.io.Safetensors;
import org.nde4j.modelfile.ModelDefinition;
import org.nde4j.modelfile.ModelFile;

/**
 * {@code nde4j predict}: a model file's predictions equal a direct solve at the fitted values;
 * a neural ODE's data must have its channels; existing outputs are kept without {@code --force}.
 */
class PredictCommandTest {
  @TempDir
  Path tmp;

  @Test
  void modelFilePredictionsEqualADirectSolve() throws Exception {
    Path data = FitFixtures.lotkaVolterraCsv(tmp);
    String text = FitFixtures.lotkaVolterra(FitFixtures.START, true);
    Path modelFile = Files.writeString(tmp.resolve("lv.yaml"), text);
    Path dir = tmp.resolve("run");
    Run fit = FitFixtures.run("fit", "--data", data.toString(), "--model", modelFile.toString(),
        "--iters", "1", "--val-fraction", "0", "--rtol", "1e-10", "--atol", "1e-12", "--out",
        dir.toString());
    assertThat(fit.code()).as(fit.err()).isZero();

    Path pred = tmp.resolve("pred.csv");
    Path png = tmp.resolve("pred.png");
    Run r = FitFixtures.run("predict", "--run", dir.toString(), "--data", data.toString(),
        "--t1", "8", "--out", pred.toString(), "--plot", png.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("from the model's initial state at t0 = 0.0");
    assertThat(Files.readAllBytes(png)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N');

    // the fitted rates, as model.safetensors records them, in the model file as known values
    Map<String, String> meta = Safetensors.read(dir.resolve("model.safetensors")).metadata();
    Map<String, Double> values = new LinkedHashMap<>();
    double[] fitted = new double[4];
    for (int i = 0; i < 4; i++) {
      fitted[i] = Double.parseDouble(meta.get("param." + FitFixtures.NAMES[i]));
      values.put(FitFixtures.NAMES[i], fitted[i]);
    }
    assertThat(fitted).isNotEqualTo(FitFixtures.START);   // one Adam step moved them
    ModelDefinition known = ModelFile.parse(FitFixtures.lotkaVolterra(fitted, false), "k.yaml")
        .withT1(8);

    List<String> lines = Files.readAllLines(pred);
    assertThat(lines.get(0)).isEqualTo("id,time,x,y");
    // 31 data times on [0, 6], then 0.2 apart to 8: 10 more
    assertThat(lines).hasSize(1 + 41);
    double[] ts = new double[41];
    for (int i = 0; i < 41; i++) {
      ts[i] = Double.parseDouble(lines.get(i + 1).split(",")[1]);
    }
    assertThat(ts[30]).isEqualTo(6.0);
    assertThat(ts[40]).isEqualTo(8.0);
    double[][] direct = FitFixtures.solve(known, ts, 1e-10, 1e-12);
    for (int i = 0; i < 41; i++) {
      String[] c = lines.get(i + 1).split(",");
      assertThat(c[0]).isEmpty();
      assertThat(Double.parseDouble(c[2])).as("x at " + ts[i]).isCloseTo(direct[i][0],
          within(1e-8));
      assertThat(Double.parseDouble(c[3])).as("y at " + ts[i]).isCloseTo(direct[i][1],
          within(1e-8));
    }
    assertThat(values).hasSize(4);
  }

  @Test
  void neuralOdeDataNeedTheModelsChannelsAndOutputsAreKept() throws Exception {
    Path data = FitFixtures.spiralCsv(tmp);
    Path dir = tmp.resolve("ode");
    Run fit = FitFixtures.run("fit", "--data", data.toString(), "--hidden", "4", "--depth", "1",
        "--iters", "1", "--out", dir.toString());
    assertThat(fit.code()).as(fit.err()).isZero();
    Map<String, byte[]> run = FitFixtures.snapshot(dir);

    Path onlyX = Files.writeString(tmp.resolve("x.csv"), "time,x\n0,1\n1,0.5\n");
    Path pred = tmp.resolve("pred.csv");
    Run r = FitFixtures.run("predict", "--run", dir.toString(), "--data", onlyX.toString(),
        "--out", pred.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: " + onlyX + ":1:1: missing column 'y' (expected "
        + "channels: x, y)\n");
    assertThat(pred).doesNotExist();

    // an existing --out is left byte for byte without --force, replaced with it
    Files.writeString(pred, "mine\n");
    Run refused = FitFixtures.run("predict", "--run", dir.toString(), "--data", data.toString(),
        "--out", pred.toString());
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).isEqualTo("error: --out " + pred + " already exists; choose "
        + "another file, or use --force to replace it\n");
    assertThat(Files.readString(pred)).isEqualTo("mine\n");
    Run forced = FitFixtures.run("predict", "--run", dir.toString(), "--data", data.toString(),
        "--out", pred.toString(), "--force");
    assertThat(forced.code()).as(forced.err()).isZero();
    List<String> lines = Files.readAllLines(pred);
    assertThat(lines).hasSize(42);
    // the prediction starts at the first row of the data
    String[] first = lines.get(1).split(",");
    assertThat(Double.parseDouble(first[2])).isEqualTo(1.0);
    assertThat(Double.parseDouble(first[3])).isEqualTo(0.0);

    Path missing = tmp.resolve("nowhere");
    Run noRun = FitFixtures.run("predict", "--run", missing.toString(), "--data",
        data.toString(), "--out", tmp.resolve("p2.csv").toString());
    assertThat(noRun.code()).isEqualTo(1);
    assertThat(noRun.err()).startsWith("error: ").contains(missing.toString());
    assertThat(FitFixtures.snapshot(dir).keySet()).isEqualTo(run.keySet());
  }
}
