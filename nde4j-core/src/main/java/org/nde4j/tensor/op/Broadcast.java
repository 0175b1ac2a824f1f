package org.nde4j.tensor.op;

import org.nde4j.tensor.Shape;

/**
 * Iteration plan for reading operands broadcast to an output shape: the output is walked as
 * {@code rows} contiguous runs of {@code inner} elements; operand {@code j} starts row {@code r} at
 * {@code offset[j][r]} and advances by {@code innerStride[j]} (0 or 1) within the row. Adjacent
 * axes are merged wherever every operand allows it, so the common cases (equal shapes, a scalar,
 * a bias row) become one long row or a few long rows.
 */
public final class Broadcast {
  public final int rows;
  public final int inner;
  public final int[][] offset;
  public final int[] innerStride;

  public Broadcast(Shape out, Shape... in) {
    int r = out.rank();
    int nin = in.length;
    int[] dims = out.dims();
    int[][] st = new int[nin][];
    for (int j = 0; j < nin; j++) {
      st[j] = in[j].broadcastStrides(out);
    }
    // merge axis i into axis i+1 (from the right) where all strides are compatible
    int[] cd = new int[Math.max(r, 1)];
    int[][] cs = new int[nin][Math.max(r, 1)];
    int n = 0;
    if (r == 0) {
      cd[0] = 1;
      n = 1;
    } else {
      cd[0] = dims[r - 1];
      for (int j = 0; j < nin; j++) {
        cs[j][0] = st[j][r - 1];
      }
      n = 1;
      for (int i = r - 2; i >= 0; i--) {
        boolean merge = true;
        for (int j = 0; j < nin && merge; j++) {
          merge = st[j][i] == cs[j][n - 1] * cd[n - 1];
        }
        if (dims[i] == 1) {
          continue;
        }
        if (merge || cd[n - 1] == 1) {
          if (cd[n - 1] == 1) {
            for (int j = 0; j < nin; j++) {
              cs[j][n - 1] = st[j][i];
            }
            cd[n - 1] = dims[i];
          } else {
            cd[n - 1] *= dims[i];
          }
        } else {
          cd[n] = dims[i];
          for (int j = 0; j < nin; j++) {
            cs[j][n] = st[j][i];
          }
          n++;
        }
      }
    }
    // cd[0] is the innermost merged axis; cd[n-1] the outermost
    this.inner = cd[0];
    this.innerStride = new int[nin];
    for (int j = 0; j < nin; j++) {
      innerStride[j] = cs[j][0];
    }
    int rowsCount = 1;
    for (int i = 1; i < n; i++) {
      rowsCount *= cd[i];
    }
    this.rows = out.size() == 0 ? 0 : rowsCount;
    this.offset = new int[nin][rows];
    int[] idx = new int[n];
    for (int row = 0; row < rows; row++) {
      for (int j = 0; j < nin; j++) {
        int off = 0;
        for (int i = 1; i < n; i++) {
          off += idx[i] * cs[j][i];
        }
        offset[j][row] = off;
      }
      for (int i = 1; i < n; i++) {
        if (++idx[i] < cd[i]) {
          break;
        }
        idx[i] = 0;
      }
    }
  }
}
