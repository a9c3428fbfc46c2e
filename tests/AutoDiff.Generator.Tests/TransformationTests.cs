using AutoDiff.Generator.Model;
using AutoDiff.Generator.Analysis;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Lowering;

namespace AutoDiff.Generator.Tests;

/// <summary>The adjoint transformation on hand-built models, with no Roslyn involved.</summary>
public class TransformationTests
{
    private static readonly VarExpr X = new("x", NumKind.Double);
    private static readonly VarExpr Y = new("y", NumKind.Double);

    private static MethodModel Model(params Stmt[] body) => new(
        "Samples",
        EquatableArray.Of(new ContainingTypeModel("class", "C")),
        EquatableArray<string>.Empty,
        "F",
        "public",
        NumKind.Double,
        EquatableArray.Of(
            new ParameterModel("x", "double", ParamRole.Scalar, NumKind.Double, "dx"),
            new ParameterModel("y", "double", ParamRole.Scalar, NumKind.Double, "dy")),
        "seed",
        body.ToEquatableArray(),
        null,
        null,
        null,
        "C.F.g.cs");

    private static string[] Lines(MethodModel model, bool pullback) =>
        AutoDiff.Generator.Printing.IrPrinter.Print(AdjointWriter.Write(model, pullback)).Select(l => l.Trim()).ToArray();

    [Fact]
    public void Constant_factors_fold_into_one_literal()
    {
        // The seed's f(x) = 3x² − 4x + 5: the gradient of -4 * x is -4, not -1.0 * 4.
        var four = new BinaryExpr("*", new ConstExpr(4, NumKind.Int), X, NumKind.Double);
        var square = new BinaryExpr("*", new BinaryExpr("*", new ConstExpr(3, NumKind.Int), X, NumKind.Double), X, NumKind.Double);
        var body = new BinaryExpr("+", new BinaryExpr("-", square, four, NumKind.Double), new ConstExpr(5, NumKind.Int), NumKind.Double);
        var lines = Lines(Model(new ReturnStmt(body, 1, "return 3 * x * x - 4 * x + 5;")), pullback: false);
        Assert.Contains("_dx += -4.0;", lines);
        Assert.DoesNotContain(lines, l => l.Contains("1.0 * 4", StringComparison.Ordinal));
    }

    [Fact]
    public void Product_rule_sends_each_factor_the_other()
    {
        var lines = Lines(Model(new ReturnStmt(new BinaryExpr("*", X, Y, NumKind.Double), 3, "return x * y;")), pullback: true);
        Assert.Contains("double _dx = seed * y;", lines); // the first contribution declares the adjoint
        Assert.Contains("double _dy = seed * x;", lines);
        Assert.Contains("dx += _dx;", lines); // summed locally, added into the caller's adjoint once
        Assert.Contains("dy += _dy;", lines);
        Assert.Contains("// line 3: return x * y;", lines);
    }

    [Fact]
    public void Overwritten_variable_is_saved_then_restored_in_reverse()
    {
        // x = x * x; return x;
        var lines = Lines(Model(
            new AssignStmt(X, "=", new BinaryExpr("*", X, X, NumKind.Double), 1, "x = x * x;"),
            new ReturnStmt(X, 2, "return x;")), pullback: false);
        var save = Array.IndexOf(lines, "double x_0 = x;");
        var restore = Array.IndexOf(lines, "x = x_0;");
        Assert.True(save >= 0 && restore > save, string.Join("\n", lines));
        Assert.Contains("dx = _dx;", lines);
    }

    [Fact]
    public void Early_return_moves_the_rest_of_the_block_into_the_else_branch()
    {
        var body = Normalizer.Normalize(EquatableArray.Of<Stmt>(
            new IfStmt(new BinaryExpr("<", X, new ConstExpr(0, NumKind.Int), NumKind.Bool), EquatableArray.Of<Stmt>(new ReturnStmt(Y, 2, "return y;")), EquatableArray<Stmt>.Empty, 1, "if (x < 0)"),
            new DeclareStmt("t", NumKind.Double, X, 3, "var t = x;"),
            new ReturnStmt(new VarExpr("t", NumKind.Double), 4, "return t;")));
        var branch = Assert.IsType<IfStmt>(Assert.Single(body));
        Assert.Equal(2, branch.Else.Count);
    }

    [Fact]
    public void Counted_loop_reverses_by_counting_down_without_recording()
    {
        var i = new VarExpr("i", NumKind.Int);
        var loop = new ForStmt(
            EquatableArray.Of<Stmt>(new DeclareStmt("i", NumKind.Int, new ConstExpr(0, NumKind.Int), 1, "int i = 0")),
            new BinaryExpr("<", i, new ConstExpr(3, NumKind.Int), NumKind.Bool),
            EquatableArray.Of<Stmt>(new AssignStmt(i, "+=", new ConstExpr(1, NumKind.Int), 1, "i++")),
            EquatableArray.Of<Stmt>(new AssignStmt(Y, "+=", X, 2, "y += x;")),
            1,
            "for (int i = 0; i < 3; i++)");
        var lines = Lines(Model(loop, new ReturnStmt(Y, 3, "return y;")), pullback: false);
        Assert.Contains("for (int i = 3 - 1; i >= 0; i--)", lines);
        Assert.DoesNotContain(lines, l => l.Contains("GradientStack", StringComparison.Ordinal));
    }

    [Fact]
    public void Numbers_are_written_invariantly_and_round_trip()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("0.5", Code.Number(0.5, NumKind.Double).Text);
            Assert.Equal("0.1f", Code.Number(0.1f, NumKind.Float).Text);
            Assert.Equal("2.0", Code.Number(2, NumKind.Double).Text);
            Assert.Equal(0.1 + 0.2, double.Parse(Code.Number(0.1 + 0.2, NumKind.Double).Text, System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    private static BinaryExpr Mul(Expr a, Expr b) => new("*", a, b, NumKind.Double);

    private static BinaryExpr Add(Expr a, Expr b) => new("+", a, b, NumKind.Double);

    private static MathCallExpr Call(string function, Expr argument) => new("Math", function, EquatableArray.Of(argument), NumKind.Double);

    [Fact]
    public void A_repeated_subexpression_passes_one_summed_gradient_on()
    {
        // return (x - y) * Math.Sin(x - y): both factors send a gradient into x - y, which reaches y once.
        var difference = new BinaryExpr("-", X, Y, NumKind.Double);
        var lines = Lines(Model(new ReturnStmt(Mul(difference, Call("Sin", difference)), 1, "return (x - y) * Math.Sin(x - y);")), pullback: false);
        Assert.Single(lines, l => l.StartsWith("_dy ", StringComparison.Ordinal) || l.StartsWith("double _dy ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("_dx ", StringComparison.Ordinal) || l.StartsWith("double _dx ", StringComparison.Ordinal));
    }

    [Fact]
    public void Negation_moves_into_a_leading_literal()
    {
        var g = Code.Atom("g");
        Assert.Equal("-2 * g", Code.Neg(Code.Mul(Code.Number(2, NumKind.Int), g)).Text);
        Assert.Equal("-2 * g", Code.Mul(Code.Number(2, NumKind.Int), Code.Neg(g)).Text);
        Assert.Equal("2 * g", Code.Neg(Code.Mul(Code.Number(-2, NumKind.Int), g)).Text);
        Assert.Equal("-(g * 2)", Code.Neg(Code.Mul(g, Code.Number(2, NumKind.Int))).Text);
    }

    [Fact]
    public void Negating_a_product_led_by_a_negation_drops_both_and_a_sum_with_one_subtracts()
    {
        var (g, z, v) = (Code.Atom("g"), Code.Atom("z"), Code.Atom("v"));
        var product = Code.Mul(Code.Div(Code.Neg(g), z), v); // -g / z * v
        Assert.Equal("g / z * v", Code.Neg(product).Text);
        Assert.Equal("v - g / z * v", TangentRules.Plus(v, Code.Neg(Code.Mul(Code.Div(g, z), v))).Text);
        Assert.Equal("v + g / z * v", TangentRules.Minus(v, product).Text);
        Assert.Equal("v - g", TangentRules.Minus(v, g).Text);
    }

    [Fact]
    public void A_long_derivative_runs_only_for_a_nonzero_gradient_and_a_short_one_always()
    {
        // x = x*y + x*x + Sin(x)*y + Cos(y)*x + Exp(x)*y; y = x * y; return y;
        var terms = Add(Add(Add(Add(Mul(X, Y), Mul(X, X)), Mul(Call("Sin", X), Y)), Mul(Call("Cos", Y), X)), Mul(Call("Exp", X), Y));
        var lines = Lines(Model(
            new AssignStmt(X, "=", terms, 1, "x = …;"),
            new AssignStmt(Y, "=", Mul(X, Y), 2, "y = x * y;"),
            new ReturnStmt(Y, 3, "return y;")), pullback: false);
        var guards = lines.Where(l => l.StartsWith("if (_g", StringComparison.Ordinal) && l.EndsWith(" != 0.0)", StringComparison.Ordinal)).ToList();
        Assert.Single(guards); // the long statement on line 1, not the product on line 2
    }
}
