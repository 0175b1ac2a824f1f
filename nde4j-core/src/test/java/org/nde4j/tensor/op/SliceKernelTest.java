package org.nde4j.tensor.op;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nde4j.tensor.Shape;

/**
 * The kernels of {@link Slice} and {@link SliceScatter} (contiguous runs for unit steps, element
 * or row copies otherwise) against index arithmetic written out here, on every axis of a 3-D
 * array and on a vector, with unit and wider steps and several offsets.
 */
class SliceKernelTest {
  private static final int[][] DIMS = {{4, 5, 3}, {7}};

  @Test
  void sliceAndScatterMatchTheirIndexDefinitions() {
    for (int[] dims : DIMS) {
      Shape shape = Shape.of(dims);
      double[] x = new double[shape.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = i + 1;
      }
      for (int axis = 0; axis < dims.length; axis++) {
        int d = dims[axis];
        for (int step = 1; step <= 2; step++) {
          for (int begin = 0; begin < d; begin++) {
            int count = (d - begin + step - 1) / step;
            String label = "dims " + java.util.Arrays.toString(dims) + " axis " + axis + " begin "
                + begin + " step " + step;
            Slice s = new Slice(axis, begin, count, step, d);
            Shape out = s.outputShape(shape);
            double[] y = new double[out.size()];
            s.kernel(new Shape[] {shape}, out).run(new double[][] {x}, y);
            assertThat(y).as(label).containsExactly(expectedSlice(x, dims, axis, begin, count,
                step));

            SliceScatter t = new SliceScatter(axis, begin, count, step, d);
            double[] z = new double[shape.size()];
            java.util.Arrays.fill(z, Double.NaN); // every position must be written
            t.kernel(new Shape[] {out}, shape).run(new double[][] {y}, z);
            assertThat(z).as(label).containsExactly(expectedScatter(y, dims, axis, begin, count,
                step));
          }
        }
      }
    }
  }

  private static double[] expectedSlice(double[] x, int[] dims, int axis, int begin, int count,
      int step) {
    int outer = extent(dims, 0, axis);
    int inner = extent(dims, axis + 1, dims.length);
    double[] y = new double[outer * count * inner];
    for (int o = 0; o < outer; o++) {
      for (int c = 0; c < count; c++) {
        for (int j = 0; j < inner; j++) {
          y[(o * count + c) * inner + j] = x[(o * dims[axis] + begin + c * step) * inner + j];
        }
      }
    }
    return y;
  }

  private static double[] expectedScatter(double[] y, int[] dims, int axis, int begin, int count,
      int step) {
    int outer = extent(dims, 0, axis);
    int inner = extent(dims, axis + 1, dims.length);
    double[] z = new double[outer * dims[axis] * inner];
    for (int o = 0; o < outer; o++) {
      for (int c = 0; c < count; c++) {
        for (int j = 0; j < inner; j++) {
          z[(o * dims[axis] + begin + c * step) * inner + j] = y[(o * count + c) * inner + j];
        }
      }
    }
    return z;
  }

  /** The number of elements of {@code dims[from .. to)}. */
  private static int extent(int[] dims, int from, int to) {
    int e = 1;
    for (int i = from; i < to; i++) {
      e *= dims[i];
    }
    return e;
  }
}
