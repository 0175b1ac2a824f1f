/**
 * Expressions: trees ({@link org.nde4j.expr.Expr}), a parser for the arithmetic notation of model
 * files ({@link org.nde4j.expr.ExprParser}), a printer ({@code toString()}), and evaluation both on
 * doubles and as core tensor ops ({@link org.nde4j.expr.ExprCompiler}), so that compiled
 * expressions trace, compile and differentiate like any other tensor function.
 *
 * <p>Strings in, no files: nothing here reads files, uses reflection or runs code named in an
 * expression; the set of functions is closed ({@link org.nde4j.expr.Builtin}).
 */
package org.nde4j.expr;
