package org.nde4j.solve.solver.rosenbrock;

/**
 * Rodas5P: Steinebach's stiffly accurate, L-stable Rosenbrock method of order 5 with an embedded
 * order-4 solution (eight stages; the last three are at {@code t + h}, the error estimate is the
 * last stage {@code u_8}), constructed for a robust error estimate and a fourth-order dense
 * output. G. Steinebach, <i>Construction of Rosenbrock–Wanner method Rodas5P and numerical
 * benchmarks within the Julia Differential Equations package</i>, BIT Numer. Math. 63, article 27,
 * 2023, doi:10.1007/s10543-023-00967-x.
 *
 * <p>Coefficients in the transformed form of Hairer &amp; Wanner II §IV.7, as in OrdinaryDiffEq
 * ({@code lib/OrdinaryDiffEqRosenbrock/src/rosenbrock_tableaus.jl}, {@code RODAS5PA/C/c/d/H},
 * attributed there to the paper), cross-checked against the same digits in the earlier
 * per-coefficient {@code Rodas5PTableau} of that package and in independent ports; their
 * correctness is pinned by the order conditions up to order 5 (and 4 for the embedded solution)
 * in the tests.
 */
public final class Rodas5P extends AbstractRosenbrock {
  private static final double[] A6 = {-7.502846399306121, 2.561846144803919,
      -11.627539656261098, -0.18268767659942256, 0.030198172008377946};

  static final RosenbrockTableau TABLEAU = RosenbrockTableau.of(0.21193756319429014,
      new double[][] {
          {},
          {3.0},
          {2.849394379747939, 0.45842242204463923},
          {-6.954028509809101, 2.489845061869568, -10.358996098473584},
          {2.8029986275628964, 0.5072464736228206, -0.3988312541770524, -0.04721187230404641},
          A6,
          {A6[0], A6[1], A6[2], A6[3], A6[4], 1},
          {A6[0], A6[1], A6[2], A6[3], A6[4], 1, 1}},
      new double[][] {
          {},
          {-14.155112264123755},
          {-17.97296035885952, -2.859693295451294},
          {147.12150275711716, -1.41221402718213, 71.68940251302358},
          {165.43517024871676, -0.4592823456491126, 42.90938336958603, -5.961986721573306},
          {24.854864614690072, -3.0009227002832186, 47.4931110020768, 5.5814197821558125,
              -0.6610691825249471},
          {30.91273214028599, -3.1208243349937974, 77.79954646070892, 34.28646028294783,
              -19.097331116725623, -28.087943162872662},
          {37.80277123390563, -3.2571969029072276, 112.26918849496327, 66.9347231244047,
              -40.06618937091002, -54.66780262877968, -9.48861652309627}},
      new double[] {0, 0.6358126895828704, 0.4095798393397535, 0.9769306725060716,
          0.4288403609558664, 1, 1, 1},
      new double[] {0.21193756319429014, -0.42387512638858027, -0.3384627126235924,
          1.8046452872882734, 2.325825639765069, 0, 0, 0},
      new double[] {A6[0], A6[1], A6[2], A6[3], A6[4], 1, 1, 1},
      new double[] {A6[0], A6[1], A6[2], A6[3], A6[4], 1, 1, 0},
      new double[][] {
          {25.948786856663858, -2.5579724845846235, 10.433815404888879, -2.3679251022685204,
              0.524948541321073, 1.1241088310450404, 0.4272876194431874, -0.17202221070155493},
          {-9.91568850695171, -0.9689944594115154, 3.0438037242978453, -24.495224566215796,
              20.176138334709044, 15.98066361424651, -6.789040303419874, -6.710236069923372},
          {11.419903575922262, 2.8879645146136994, 72.92137995996029, 80.12511834622643,
              -52.072871366152654, -59.78993625266729, -0.15582684282751913,
              4.883087185713722}});

  public Rodas5P() {
    super("rodas5p", TABLEAU, 5, 4, 4);
  }
}
