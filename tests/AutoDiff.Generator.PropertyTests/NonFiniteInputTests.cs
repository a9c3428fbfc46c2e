using AutoDiff.PropertyTests.Compiling;
using AutoDiff.PropertyTests.Robustness;

namespace AutoDiff.PropertyTests;

/// <summary>
/// NaN and ±∞ inputs go through generated gradients and tapes as IEEE arithmetic says: each expected number is the
/// chain rule's closed form evaluated in doubles (so 0·∞ = NaN where the chain rule multiplies them), and every call
/// returns (a guard fails the test instead of hanging it).
/// </summary>
public sealed class NonFiniteInputTests : IDisposable
{
    private const double Nan = double.NaN, Inf = double.PositiveInfinity;

    private static readonly ClosedFormCase[] Cases =
    [
        new("Product", ["x", "y"], "x * y + Math.Sin(x)", "x * y + ValueMath.Sin(x)"),
        new("ExpOf", ["x"], "Math.Exp(x)", "ValueMath.Exp(x)"),
        new("TanhOf", ["x"], "Math.Tanh(x)", "ValueMath.Tanh(x)"),
        new("AtanOf", ["x"], "Math.Atan(x)", "ValueMath.Atan(x)"),
        new("Ramp", ["x"], "x > 0 ? x : 0.0", "x > 0 ? x : 0.0"),
        new("Softplus", ["x"], "Math.Log(1 + Math.Exp(x))", "ValueMath.Log(1 + ValueMath.Exp(x))"),
    ];

    private static readonly double[] Specials = [Nan, Inf, -Inf];

    private readonly ClosedFormProgram _program = new(Cases);

    public static TheoryData<string> Engines => ["generated", "tape"];

    [Theory]
    [MemberData(nameof(Engines))]
    public void ProductPropagatesAsIeeeSays(string engine)
    {
        foreach (var (x, y) in new[] { (Nan, 2.0), (Inf, 2.0), (2.0, Inf), (-Inf, 0.0), (0.0, Inf), (1.0, Nan) })
        {
            AssertGradient(engine, "Product", [x, y], x * y + Math.Sin(x), [y + Math.Cos(x), x]);
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void ElementaryFunctionsPropagateAsIeeeSays(string engine)
    {
        foreach (var x in Specials)
        {
            AssertGradient(engine, "ExpOf", [x], Math.Exp(x), [Math.Exp(x)]);
            AssertGradient(engine, "TanhOf", [x], Math.Tanh(x), [1 - Math.Tanh(x) * Math.Tanh(x)]);
            AssertGradient(engine, "AtanOf", [x], Math.Atan(x), [1 / (1 + x * x)]);
            AssertGradient(engine, "Softplus", [x], Math.Log(1 + Math.Exp(x)), [1 / (1 + Math.Exp(x)) * Math.Exp(x)]);
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void ComparisonsWithNanTakeTheElseBranch(string engine)
    {
        foreach (var x in Specials)
        {
            AssertGradient(engine, "Ramp", [x], x > 0 ? x : 0.0, [x > 0 ? 1.0 : 0.0]);
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void ANonFiniteSpanElementLeavesTheOtherElementsGradientsAlone(string engine)
    {
        double[] w = [1, Nan, 2, Inf, -Inf];
        var dw = new double[w.Length];
        var value = Guarded(() => Engine(engine, "SumOfSquares")([], w, [], dw));
        Assert.Equal(w.Sum(v => v * v), value);
        Assert.Equal(w.Select(v => 2 * v), dw);
    }

    public void Dispose() => _program.Dispose();

    private void AssertGradient(string engine, string name, double[] args, double expectedValue, double[] expectedGradient)
    {
        var gradient = new double[args.Length];
        var value = Guarded(() => Engine(engine, name)(args, [], gradient, []));
        var at = $"{engine} {name}({string.Join(", ", args)})";
        Assert.True(expectedValue.Equals(value), $"{at} = {value}, expected {expectedValue}");
        Assert.True(expectedGradient.SequenceEqual(gradient), $"{at}: gradient [{string.Join(", ", gradient)}], expected [{string.Join(", ", expectedGradient)}]");
    }

    private GradFn Engine(string engine, string name) => engine == "tape" ? _program.Tape(name) : _program.Generated(name);

    /// <summary>
    /// Runs the call on a thread of its own and fails (instead of hanging the suite) if it never returns. Not the
    /// thread pool: other tests saturate it in long runs, and a queued call would look like a hang.
    /// </summary>
    private static double Guarded(Func<double> call)
    {
        double result = 0;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { result = call(); }
            catch (Exception exception) { failure = exception; }
        }) { IsBackground = true };
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromMinutes(1)), "the gradient call did not return (a hang on non-finite input)");
        if (failure is not null) throw new InvalidOperationException("the gradient call threw", failure);
        return result;
    }
}
