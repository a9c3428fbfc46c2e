using System.Reflection;
using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>Forward mode (<c>{Name}Pushforward</c>) against the gradient of the same function and against finite differences along the tangent.</summary>
public class PushforwardTests
{
    public static TheoryData<string, int, double, double> Cases => HeldOutCases.AddQualifiedRows(new()
    {
        { "Rosenbrock", 2, -2, 2 },
        { "Functions", 2, -1, 1 },
        { "Loops", 5, -1, 1 },
        { "Calls", 2, -1, 1 },
        // Loop code as users write it, and loops built against the loop passes (corpus file.method).
        { "UserLoops.ConvolutionPool", 5, -1, 1 },
        { "UserLoops.Recurrent", 10, -1, 1 },
        { "UserLoops.SoftmaxCrossEntropy", 9, -1, 1 },
        { "UserLoops.Attention", 14, -1, 1 },
        { "UserLoops.Factorization", 10, -1, 1 },
        { "UserLoops.Pendulum", 4, -1, 1 },
        { "UserLoops.LayerNorm", 7, -1, 1 },
        { "UserLoops.CholeskyLogDet", 6, -1, 1 },
        { "UserLoops.InnerDescent", 3, -1, 1 },
        { "LoopHazards.SelfMixing", 4, -1, 1 },
        { "LoopHazards.RecomputeFromChangingBuffer", 4, -1, 1 },
        { "LoopHazards.SharedScratch", 6, -1, 1 },
    });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pushforward_is_the_gradient_along_the_tangent(string method, int dimension, double low, double high)
    {
        var (file, typeName, name) = CorpusFiles.Resolve(method, "Pushforward", "Corpus.Forward");
        var loaded = CorpusFiles.Load(file);
        var probe = new GradientProbe(loaded, typeName, name);
        var pushforward = loaded.Assembly.GetType(typeName)!.GetMethod(name + "_Pushforward", BindingFlags.Public | BindingFlags.Static)!;
        var random = new Random(method.Length * 31 + dimension);
        for (var n = 0; n < 20; n++)
        {
            var point = Enumerable.Range(0, dimension).Select(_ => low + ((high - low) * random.NextDouble())).ToArray();
            var tangent = Enumerable.Range(0, dimension).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
            var args = new object?[] { point, tangent, null };
            var value = (double)pushforward.Invoke(null, args)!;
            var jvp = (double)args[2]!;
            var (primal, gradient) = probe.WithGradient(point);
            Assert.Equal(primal, value, 1e-12 * Math.Max(1, Math.Abs(primal)));
            var expected = gradient.Zip(tangent, (g, t) => g * t).Sum();
            Assert.True(FiniteDifferences.RelativeError(jvp, expected) <= 1e-10, $"{method}: pushforward {jvp:R}, gradient · tangent {expected:R}");
            var along = FiniteDifferences.Gradient(s => probe.Value(point.Zip(tangent, (p, t) => p + (s[0] * t)).ToArray()), [0.0])[0];
            if (!NearKink(method, point) && probe.KinkDistance(point) >= GradientTests.KinkMargin)
            {
                Assert.True(FiniteDifferences.RelativeError(jvp, along) <= 1e-6, $"{method}: pushforward {jvp:R}, finite differences along the tangent {along:R}");
            }
        }
    }

    [Fact]
    public void Float_pushforward_matches_the_closed_form()
    {
        var loaded = CorpusFiles.Load("Pushforward");
        var method = loaded.Method("Corpus.Forward", "FloatsPushforward");
        const float x = 0.8f, y = -0.6f, tx = 0.3f, ty = -1.1f;
        var args = new object?[] { x, y, tx, ty, null };
        var value = (float)method.Invoke(null, args)!;
        // d/dx = 0.5·e^(x/2)·y + x/r, d/dy = e^(x/2) + y/r with r = sqrt(x² + y² + 1)
        var r = Math.Sqrt((x * x) + (y * y) + 1);
        var expected = (((0.5 * Math.Exp(x * 0.5) * y) + (x / r)) * tx) + ((Math.Exp(x * 0.5) + (y / r)) * ty);
        Assert.Equal((Math.Exp(x * 0.5) * y) + r, value, 1e-5);
        Assert.Equal(expected, (float)args[4]!, 1e-5);
    }

    [Fact]
    public void A_tangent_of_the_wrong_length_names_the_parameter()
    {
        var loaded = CorpusFiles.Load("Pushforward");
        var method = loaded.Method("Corpus.Forward", "Loops_Pushforward");
        var exception = Assert.Throws<TargetInvocationException>(() => method.Invoke(null, [new double[5], new double[4], null]));
        var argument = Assert.IsType<ArgumentException>(exception.InnerException);
        Assert.Equal("tw", argument.ParamName);
        Assert.Contains("length 3", argument.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public static partial class P { [DerivativeOf(\"F\")] static void FBack(double x, double seed, ref double dx) => dx += 2 * x * seed; [Differentiable(Derivatives.Pushforward)] public static double F(double x) => x * x; }", "pullback cannot give a forward-mode derivative")]
    [InlineData("public static partial class P { static double Sq(double v) => v * v; [DerivativeOf(\"Sq\")] static void SqBack(double v, double seed, ref double dv) => dv += 2 * v * seed; [Differentiable(Derivatives.Pushforward)] public static double F(double x) => Sq(x); }", "has no pushforward")]
    [InlineData("public static partial class P { [Differentiable(Derivatives.Pushforward)] public static double F(double x, int n) => n == 0 ? x : x * F(x, n - 1); }", "runtime tape")]
    [InlineData("public static partial class P { [Differentiable] static double G(double v) => v * v; [Differentiable(Derivatives.Pushforward)] public static double F(double x) => G(x) + x; }", "has no pushforward")]
    public void A_kind_that_cannot_be_generated_is_AD0012(string source, string reason)
    {
        var result = GeneratorHarness.Run("using System;\nusing AutoDiff;\nnamespace Samples;\n" + source);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "AD0012");
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("FPushforward", result.GeneratedText());
    }

    private static bool NearKink(string method, double[] p) => method == "Functions" && (Math.Abs(p[0] - p[1]) < 0.02 || Math.Abs(Math.Abs(p[0] - p[1]) - 0.5) < 0.02);
}
