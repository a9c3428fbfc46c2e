using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// Vector-valued methods (<c>Corpus/Vector.cs</c>): the Jacobian's rows are pullbacks with unit cotangents, its
/// columns pushforwards with unit tangents, and both agree with central finite differences and with exact
/// derivatives derived independently (sympy, or closed forms by hand).
/// </summary>
public class VectorTests
{
    /// <summary>Method, flattened inputs N, outputs M. Pairs, Powers, Rotate, Helix and Stats with one element run the Jacobian forward (N &lt; M); the rest reverse.</summary>
    public static TheoryData<string, int, int> Cases => new()
    {
        { "Pairs", 4, 7 },
        { "Moments", 5, 3 },
        { "Powers", 1, 5 },
        { "Rotate", 2, 3 },
        { "SumProduct", 2, 2 },
        { "Stats", 4, 3 },
        { "Stats", 2, 3 },
        { "Shifted", 2, 2 },
        { "Polar", 2, 2 },
        { "Helix", 1, 3 },
        { "ViewsAndTables", 3, 2 },
    };

    // Float methods compute in float: their agreement with double-precision references is float rounding (about 1e-7
    // relative), and finite differences of a float function with h ≈ 1e-3 carry about 1e-4.
    private static bool IsFloat(string method) => method is "Rotate" or "Polar";

    private static double ExactTolerance(string method) => IsFloat(method) ? 1e-5 : 1e-12;

    private static double FiniteDifferenceTolerance(string method) => IsFloat(method) ? 2e-3 : 1e-7;

    private static VectorProbe Probe(string method, int inputs, int outputs) => new(CorpusFiles.Load("Vector"), "Corpus.Vector", method, inputs, outputs);

    private static double[] Point(Random random, int inputs, string method)
    {
        while (true)
        {
            var p = Enumerable.Range(0, inputs).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
            if (method != "Stats")
            {
                return p;
            }

            // Stats branches on the sign of the sum of its span (stay away from the switch) and takes sqrt(scale Σv² + 1).
            p[^1] = Math.Abs(p[^1]) + 0.1;
            if (Math.Abs(p.SkipLast(1).Sum()) > 0.1)
            {
                return p;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Jacobian_rows_are_pullbacks_of_unit_cotangents(string method, int inputs, int outputs)
    {
        var probe = Probe(method, inputs, outputs);
        var random = new Random(inputs * 131 + outputs);
        for (var n = 0; n < 10; n++)
        {
            var p = Point(random, inputs, method);
            var (result, jacobian) = probe.Jacobian(p);
            AssertClose(probe.Value(p), result, 0, $"{method}: Jacobian's outputs");
            for (var i = 0; i < outputs; i++)
            {
                var unit = new double[outputs];
                unit[i] = 1;
                var row = new double[inputs];
                var pulled = probe.Pullback(p, unit, row);
                AssertClose(result, pulled, 0, $"{method}: pullback's outputs");
                AssertClose(Row(jacobian, i), row, ExactTolerance(method), $"{method}: row {i}");
            }

            // A random cotangent gives cᵀJ, added onto what the adjoints held.
            var cotangent = Enumerable.Range(0, outputs).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
            var grad = Enumerable.Repeat(1.0, inputs).ToArray();
            probe.Pullback(p, cotangent, grad);
            var expected = Enumerable.Range(0, inputs).Select(j => 1 + Enumerable.Range(0, outputs).Sum(i => cotangent[i] * jacobian[i, j])).ToArray();
            AssertClose(expected, grad, ExactTolerance(method), $"{method}: cᵀJ");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Jacobian_columns_are_pushforwards_of_unit_tangents(string method, int inputs, int outputs)
    {
        var probe = Probe(method, inputs, outputs);
        if (!probe.HasPushforward)
        {
            Assert.True(method is "Moments" or "Shifted", method + " should have a pushforward entry point");
            return;
        }

        var random = new Random(inputs * 17 + outputs);
        for (var n = 0; n < 10; n++)
        {
            var p = Point(random, inputs, method);
            var (result, jacobian) = probe.Jacobian(p);
            for (var j = 0; j < inputs; j++)
            {
                var unit = new double[inputs];
                unit[j] = 1;
                var (pushed, tangent) = probe.Pushforward(p, unit);
                AssertClose(result, pushed, 0, $"{method}: pushforward's outputs");
                AssertClose(Column(jacobian, j), tangent, ExactTolerance(method), $"{method}: column {j}");
            }

            var direction = Enumerable.Range(0, inputs).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
            var expected = Enumerable.Range(0, outputs).Select(i => Enumerable.Range(0, inputs).Sum(j => jacobian[i, j] * direction[j])).ToArray();
            AssertClose(expected, probe.Pushforward(p, direction).Tangent, ExactTolerance(method), $"{method}: J t");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Jacobian_matches_finite_differences(string method, int inputs, int outputs)
    {
        var probe = Probe(method, inputs, outputs);
        var random = new Random(inputs * 7 + outputs * 3);
        for (var n = 0; n < 5; n++)
        {
            var p = Point(random, inputs, method);
            var (_, jacobian) = probe.Jacobian(p);
            for (var i = 0; i < outputs; i++)
            {
                var output = i;
                var differences = FiniteDifferences.Gradient(q => probe.Value(q)[output], p);
                AssertClose(differences, Row(jacobian, i), FiniteDifferenceTolerance(method), $"{method}: row {i} against finite differences");
            }
        }
    }

    [Fact]
    public void Pairs_matches_sympy()
    {
        // sympy: h_i = tanh(a x_i), T = Σ h_i x_i, outputs (h_i T, exp(-x_i²) + a h_i²) for each i, then T;
        // Matrix(outputs).jacobian([x0, x1, x2, a]) at a = 0.8, x = (0.3, -0.7, 1.1), evaluated to 30 digits.
        double[,] expected =
        {
            { 1.0180920588908655, -0.21747430363558473, 0.2701782576864389, 0.58935631094478 },
            { -0.26364118432023237, 0.0, 0.0, 0.16222732061663817 },
            { -0.23477994096975308, 1.1833400592750754, -0.5827895324367512, -1.1607427759004993 },
            { 0.0, 0.37524701087682455, 0.0, 0.6801672706922248 },
            { 0.32649695754514463, -0.6523601809339545, 1.2927099477786497, 1.4081898742115668 },
            { 0.0, 0.0, -0.2030469827177536, 1.1218854252689898 },
            { 0.4621857700063302, -0.9234744323911157, 1.1472744549144025, 1.0547444421931091 },
        };
        AssertJacobian("Pairs", [0.3, -0.7, 1.1, 0.8], expected, 1e-14);
    }

    [Fact]
    public void Powers_matches_sympy()
    {
        // sympy: r_0 = x, r_k = r_(k-1) sin(x + k); d r_k / dx at x = 0.6, k = 0..3 (n = 4 outputs).
        var (_, jacobian) = Probe("Powers", 1, 4).Jacobian([0.6]);
        AssertClose([1.0, 0.9820538896607319, -0.007663899843733188, -0.2738584150102333], Column(jacobian, 0), 1e-14, "Powers");
    }

    [Fact]
    public void Moments_matches_the_closed_form()
    {
        // mean: 1/n; variance E[w²] - mean²: 2 (w_j - mean) / n; Σ softplus: sigmoid(w_j) (sympy gave the same numbers).
        double[] w = [0.2, -1.0, 0.7, 1.5];
        var mean = w.Average();
        var expected = new double[3, 4];
        for (var j = 0; j < 4; j++)
        {
            expected[0, j] = 0.25;
            expected[1, j] = 2 * (w[j] - mean) / 4;
            expected[2, j] = 1 / (1 + Math.Exp(-w[j]));
        }

        AssertJacobian("Moments", w, expected, 1e-14);
    }

    [Fact]
    public void Stats_matches_sympy_on_both_branches()
    {
        // sympy: S = Σ v_i, Q = scale Σ v_i²; (S, Q, sqrt(Q + 1)) when S > 0, else (-S, 2Q, S Q); jacobian over (v, scale) at scale = 1.3.
        AssertJacobian("Stats", [0.5, -0.2, 0.9, 1.3], new double[,]
        {
            { 1.0, 1.0, 1.0, 0.0 },
            { 1.3, -0.52, 2.34, 1.1 },
            { 0.41697519441472974, -0.1667900777658919, 0.7505553499465135, 0.3528251645047713 },
        }, 1e-14);
        AssertJacobian("Stats", [-0.5, 0.1, -0.9, 1.3], new double[,]
        {
            { -1.0, -1.0, -1.0, 0.0 },
            { -2.6, 0.52, -4.68, 2.14 },
            { 3.081, 1.053, 4.433, -1.391 },
        }, 1e-14);
    }

    [Fact]
    public void Tuples_and_floats_match_closed_forms()
    {
        // (a + b, a b): [[1, 1], [b, a]]; Shifted is SumProduct(a + 1, b - 1): [[1, 1], [b - 1, a + 1]].
        AssertJacobian("SumProduct", [0.4, -1.5], new double[,] { { 1, 1 }, { -1.5, 0.4 } }, 0);
        AssertJacobian("Shifted", [0.4, -1.5], new double[,] { { 1, 1 }, { -2.5, 1.4 } }, 0);
        // (cos t, sin t, t²/2): (-sin t, cos t, t).
        AssertJacobian("Helix", [0.8], new double[,] { { -Math.Sin(0.8) }, { Math.Cos(0.8) }, { 0.8 } }, 1e-15);
        // (r cos θ, r sin θ): [[cos θ, -r sin θ], [sin θ, r cos θ]]; Rotate adds r²: [0, 2r] (inputs angle, r).
        const double r = 1.7, theta = 0.9;
        AssertJacobian("Polar", [r, theta], new double[,] { { Math.Cos(theta), -r * Math.Sin(theta) }, { Math.Sin(theta), r * Math.Cos(theta) } }, 1e-6);
        AssertJacobian("Rotate", [theta, r], new double[,] { { -r * Math.Sin(theta), Math.Cos(theta) }, { r * Math.Cos(theta), Math.Sin(theta) }, { 0, 2 * r } }, 1e-6);
    }

    [Fact]
    public void A_differentiable_method_deconstructing_a_tuple_matches_sympy()
    {
        // sympy: s = x y + sin x, p = x y sin x, t = s p, then s = t + y, p = t y; f = s + p · 2x; ∇f at (0.7, -0.4).
        var loaded = CorpusFiles.Load("Vector");
        var probe = new GradientProbe(loaded, "Corpus.Vector", "UsesTuple");
        var (_, gradient) = probe.WithGradient([0.7, -0.4]);
        AssertClose([-0.05201386016101952, 0.9247332866582622], gradient, 1e-14, "UsesTuple gradient");
        var pushforward = loaded.Method("Corpus.Vector", "UsesTuplePushforward");
        var args = new object?[] { 0.7, -0.4, 0.3, -2.0, null };
        pushforward.Invoke(null, args);
        Assert.Equal((0.3 * -0.05201386016101952) + (-2.0 * 0.9247332866582622), (double)args[4]!, 1e-14);
    }

    [Fact]
    public void Large_shapes_use_pooled_buffers_and_give_the_same_Jacobian()
    {
        // 200 inputs: M = 401 outputs, so the forward Jacobian's directions exceed the stack limit and are pooled.
        var random = new Random(5);
        var p = Enumerable.Range(0, 201).Select(_ => random.NextDouble() - 0.5).ToArray();
        var probe = Probe("Pairs", 201, 401);
        var (_, jacobian) = probe.Jacobian(p);
        for (var i = 0; i < 401; i += 37)
        {
            var unit = new double[401];
            unit[i] = 1;
            var row = new double[201];
            probe.Pullback(p, unit, row);
            AssertClose(Row(jacobian, i), row, 1e-12, "Pairs row " + i);
        }
    }

    [Theory]
    [InlineData("Pairs_Jacobian", new[] { 5, 9, 40 }, "jacobian", "length 40 but needs 45")]
    [InlineData("Pairs_Pullback", new[] { 5, 9, 11, 5 }, "cotangent", "length 11 but parameter 'result' has length 9")]
    [InlineData("Pairs_Pushforward", new[] { 5, 5, 9, 8 }, "tangent", "length 8 but parameter 'result' has length 9")]
    [InlineData("Stats_Jacobian", new[] { 4, 3, 11 }, "jacobian", "length 11 but needs 12")]
    public void A_buffer_of_the_wrong_length_names_the_parameter_and_both_lengths(string entry, int[] lengths, string parameter, string message)
    {
        var method = CorpusFiles.Load("Vector").Method("Corpus.Vector", entry);
        var args = lengths.Select(l => (object)new double[l]).ToArray();

        var exception = Assert.Throws<System.Reflection.TargetInvocationException>(() => method.Invoke(null, args));
        var argument = Assert.IsType<ArgumentException>(exception.InnerException);
        Assert.Equal(parameter, argument.ParamName);
        Assert.Contains(message, argument.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Jacobian_allocates_nothing_after_warm_up()
    {
        var bytes = (long[])CorpusFiles.Load("Vector").Method("Corpus.Vector", "Allocations").Invoke(null, null)!;
        Assert.Equal(new long[4], bytes);
    }

    private static void AssertJacobian(string method, double[] p, double[,] expected, double tolerance)
    {
        var (outputs, inputs) = (expected.GetLength(0), expected.GetLength(1));
        var (_, jacobian) = Probe(method, inputs, outputs).Jacobian(p);
        for (var i = 0; i < outputs; i++)
        {
            AssertClose(Row(expected, i), Row(jacobian, i), tolerance, $"{method}: row {i}");
        }
    }

    private static double[] Row(double[,] m, int i) => Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j]).ToArray();

    private static double[] Column(double[,] m, int j) => Enumerable.Range(0, m.GetLength(0)).Select(i => m[i, j]).ToArray();

    private static void AssertClose(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.True(
                FiniteDifferences.RelativeError(expected[k], actual[k]) <= tolerance,
                $"{what}[{k}]: expected {expected[k]:R}, got {actual[k]:R}");
        }
    }
}
