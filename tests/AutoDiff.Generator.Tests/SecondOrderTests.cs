using System.Reflection;
using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// The second-order members (<c>{Name}HessianVectorProduct</c>, <c>{Name}WithHessian</c>): against finite differences of
/// the gradient, against each other (a Hessian row is a product with a unit vector; uᵀHv = vᵀHu), against exact
/// Hessians (sympy, closed forms), and with buffers of the wrong length.
/// </summary>
public class SecondOrderTests
{
    private delegate double Gradient(double[] point, double[] gradient);

    private delegate double Product(double[] point, double[] direction, double[] gradient, double[] product);

    private delegate double Matrix(double[] point, double[] gradient, double[] hessian);

    public static TheoryData<string, int, double, double> Cases => HeldOutCases.AddQualifiedRows(new()
    {
        { "Rosenbrock", 2, -2, 2 },
        { "Smooth", 3, -1, 1 },
        { "Functions", 2, -1, 1 },
        { "Loops", 5, -1, 1 },
        { "Calls", 2, -1, 1 },
        { "Norms", 7, -1, 1 },
        { "Mlp", 21, -1, 1 },
        { "Steps", 2, -1, 1 },
        { "Layered", 13, -1, 1 },
        // Loop code as users write it, and loops built against the loop passes (corpus file.method).
        { "UserLoops.ConvolutionPool", 5, -1, 1 },
        { "UserLoops.Recurrent", 10, -1, 1 },
        { "UserLoops.SoftmaxCrossEntropy", 9, -1, 1 },
        { "UserLoops.Attention", 14, -1, 1 },
        { "UserLoops.Factorization", 10, -1, 1 },
        { "UserLoops.Pendulum", 4, -1, 1 },
        { "UserLoops.LayerNorm", 7, -1, 1 },
        { "UserLoops.CholeskyLogDet", 6, -1, 1 },
        { "UserLoops.SortedWeights", 5, -1, 1 },
        { "UserLoops.InnerDescent", 3, -1, 1 },
        { "LoopHazards.SelfMixing", 4, -1, 1 },
        { "LoopHazards.RecomputeFromChangingBuffer", 4, -1, 1 },
        { "LoopHazards.SharedScratch", 6, -1, 1 },
    });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hessian_vector_product_is_the_derivative_of_the_gradient_along_the_direction(string method, int dimension, double low, double high)
    {
        var (gradient, product, _) = Members(method);
        var random = new Random(method.Length * 7919 + dimension);
        var compared = 0;
        for (var n = 0; n < 30; n++)
        {
            var point = RandomVector(random, dimension, low, high);
            var direction = RandomVector(random, dimension, -1, 1);
            var (value, g, h) = Apply(product, point, direction);
            var expected = new double[dimension];
            var expectedValue = gradient(point, expected);
            Assert.Equal(expectedValue, value, 1e-12 * Math.Max(1, Math.Abs(expectedValue)));
            for (var i = 0; i < dimension; i++)
            {
                Assert.True(FiniteDifferences.RelativeError(g[i], expected[i]) <= 1e-12, $"{method}: gradient {i} from the product {g[i]:R}, from WithGradient {expected[i]:R}");
            }

            var differences = FiniteDifferences.AlongDirection(
                p =>
                {
                    var at = new double[dimension];
                    gradient(p, at);
                    return at;
                },
                point,
                direction);
            if (differences is null)
            {
                // A kink of the gradient within the step (max, abs, a branch): differences measure neither side.
                continue;
            }

            compared++;
            for (var i = 0; i < dimension; i++)
            {
                Assert.True(
                    FiniteDifferences.RelativeError(h[i], differences[i]) <= 1e-6,
                    $"{method} at ({string.Join(", ", point)}) along ({string.Join(", ", direction)}): product {i} = {h[i]:R}, differences of the gradient {differences[i]:R}");
            }
        }

        Assert.True(compared >= 15, $"{method}: only {compared} of 30 points were away from kinks");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Products_are_symmetric_bilinear_forms(string method, int dimension, double low, double high)
    {
        var (_, product, _) = Members(method);
        var random = new Random(method.Length * 104729 + dimension);
        for (var n = 0; n < 10; n++)
        {
            var point = RandomVector(random, dimension, low, high);
            var u = RandomVector(random, dimension, -1, 1);
            var v = RandomVector(random, dimension, -1, 1);
            var hu = Apply(product, point, u).Product;
            var hv = Apply(product, point, v).Product;
            var uHv = Dot(u, hv);
            var vHu = Dot(v, hu);
            var scale = Math.Max(1, hu.Sum(Math.Abs) + hv.Sum(Math.Abs));
            Assert.True(Math.Abs(uHv - vHu) <= 1e-11 * scale, $"{method}: uᵀHv = {uHv:R} but vᵀHu = {vHu:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Full_Hessian_is_symmetric_and_its_rows_are_products(string method, int dimension, double low, double high)
    {
        var (gradient, product, matrix) = Members(method);
        var random = new Random(method.Length * 31 + dimension * 17);
        var point = RandomVector(random, dimension, low, high);
        var g = new double[dimension];
        var hessian = new double[dimension * dimension];
        var value = matrix(point, g, hessian);
        var expected = new double[dimension];
        Assert.Equal(gradient(point, expected), value, 12);
        Assert.Equal(expected, g);
        for (var r = 0; r < dimension; r++)
        {
            for (var c = 0; c < dimension; c++)
            {
                Assert.Equal(hessian[(r * dimension) + c], hessian[(c * dimension) + r]);
            }
        }

        var direction = RandomVector(random, dimension, -1, 1);
        var h = Apply(product, point, direction).Product;
        for (var r = 0; r < dimension; r++)
        {
            var row = Dot(hessian.AsSpan(r * dimension, dimension).ToArray(), direction);
            Assert.True(FiniteDifferences.RelativeError(row, h[r]) <= 1e-10, $"{method}: (H·v)[{r}] = {row:R} from the matrix, {h[r]:R} from the product");
        }
    }

    [Fact]
    public void Smooth_matches_the_exact_Hessian_from_sympy()
    {
        // python3: sympy.hessian(f, (x, y, z)) of Corpus.Second.Smooth at (3/10, -2/5, 7/10), to 20 digits.
        double[] exact =
        [
            2.5100056598648405852, -0.55129796306018547374, -0.16770426824366703960,
            -0.55129796306018547374, 0.50114108032828698350, 0.40490800882010956790,
            -0.16770426824366703960, 0.40490800882010956790, -0.35102577192764828707,
        ];
        var (_, _, matrix) = Members("Smooth");
        var hessian = new double[9];
        var value = matrix([0.3, -0.4, 0.7], new double[3], hessian);
        Assert.Equal(1.5195375137248694467, value, 14);
        for (var i = 0; i < 9; i++)
        {
            Assert.True(FiniteDifferences.RelativeError(hessian[i], exact[i]) <= 1e-13, $"entry {i}: {hessian[i]:R}, sympy {exact[i]:R}");
        }
    }

    [Fact]
    public void Rosenbrock_matches_its_closed_form()
    {
        var (_, _, matrix) = Members("Rosenbrock");
        var random = new Random(5);
        for (var n = 0; n < 20; n++)
        {
            var (x, y) = (random.NextDouble() * 4 - 2, random.NextDouble() * 4 - 2);
            var hessian = new double[4];
            matrix([x, y], new double[2], hessian);
            // f = (1 - x)² + 100 (y - x²)²: f_xx = 2 - 400 (y - x²) + 800 x², f_xy = -400 x, f_yy = 200.
            Assert.Equal(2 - (400 * (y - (x * x))) + (800 * x * x), hessian[0], 1e-10);
            Assert.Equal(-400 * x, hessian[1], 1e-10);
            Assert.Equal(-400 * x, hessian[2], 1e-10);
            Assert.Equal(200, hessian[3], 1e-10);
        }
    }

    [Fact]
    public void Float_Hessian_matches_the_closed_form()
    {
        var product = CorpusFiles.Load("SecondOrder").Method("Corpus.Second", "FloatsHessianVectorProduct");
        const float x = 0.8f, y = -0.6f;
        var r = Math.Sqrt((x * x) + (y * y) + 1);
        var r3 = r * r * r;
        double[] exact = [(0.25 * Math.Exp(x * 0.5) * y) + (((y * y) + 1) / r3), (0.5 * Math.Exp(x * 0.5)) - (x * y / r3), (0.5 * Math.Exp(x * 0.5)) - (x * y / r3), ((x * x) + 1) / r3];
        for (var column = 0; column < 2; column++)
        {
            var args = new object?[] { x, y, column == 0 ? 1f : 0f, column == 1 ? 1f : 0f, null, null, null, null };
            product.Invoke(null, args);
            Assert.Equal(exact[column], (float)args[6]!, 1e-5);
            Assert.Equal(exact[2 + column], (float)args[7]!, 1e-5);
        }
    }

    [Fact]
    public void A_Hessian_of_the_wrong_length_names_the_parameter_and_both_lengths()
    {
        var (_, _, matrix) = Members("Loops");
        var exception = Assert.Throws<TargetInvocationException>(() => matrix(new double[5], new double[5], new double[24]));
        var argument = Assert.IsType<ArgumentException>(exception.InnerException);
        Assert.Equal("hessian", argument.ParamName);
        Assert.Contains("length 24", argument.Message, StringComparison.Ordinal);
        Assert.Contains("need 25", argument.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_direction_of_the_wrong_length_names_the_parameter()
    {
        var source = "public static class Wrong { public static void Call() { System.Span<double> g = stackalloc double[4], h = stackalloc double[4]; Corpus.Second.LoopsHessianVectorProduct(new double[4], 0.5, 3, new double[3], 1.0, g, out _, h, out _); } }";
        using var wrong = GeneratorHarness.CompileAndLoad(CorpusFiles.Source("SecondOrder"), source);
        var exception = Assert.Throws<TargetInvocationException>(() => wrong.Method("Wrong", "Call").Invoke(null, []));
        var argument = Assert.IsType<ArgumentException>(exception.InnerException);
        Assert.Equal("vw", argument.ParamName);
        Assert.Contains("length 3", argument.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public static partial class P { [DerivativeOf(\"F\")] static void FBack(double x, double seed, ref double dx) => dx += 2 * x * seed; [Differentiable(Derivatives.Hessian)] public static double F(double x) => x * x; }", "cannot be differentiated again")]
    [InlineData("public static partial class P { [Differentiable(Derivatives.Hessian)] public static double F(double x, int n) => n == 0 ? x : x * F(x, n - 1); }", "runtime tape")]
    [InlineData("public static partial class P { [Differentiable(Derivatives.Pushforward)] static double G(double v) => v * v; [Differentiable(Derivatives.Hessian)] public static double F(double x) => G(x) + x; }", "has no second-order code")]
    [InlineData("public static partial class P { [Differentiable(Derivatives.Hessian)] public static float F(double x, float y) => (float)x * y; }", "parameter 'x' is double but the result is float")]
    // Second-order code finds callees by name (found by the seventh sweep: it called the other overload's members).
    [InlineData("public static partial class P { [Differentiable(Derivatives.Hessian)] static double G(double a, double b) => a * Math.Exp(b); [Differentiable(Derivatives.Hessian)] static double G(double a) => Math.Sin(a) * a; [Differentiable(Derivatives.Hessian)] public static double F(double x) => G(x) + G(x, x); }", "two overloads of 'G'")]
    public void A_Hessian_that_cannot_be_generated_is_AD0012(string source, string reason)
    {
        var result = GeneratorHarness.Run("using System;\nusing AutoDiff;\nnamespace Samples;\n" + source);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "AD0012");
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("FHessianVectorProduct", result.GeneratedText());
    }

    private static (Gradient Gradient, Product Product, Matrix Matrix) Members(string qualified)
    {
        var (file, typeName, method) = CorpusFiles.Resolve(qualified, "SecondOrder", "Corpus.Second");
        var type = CorpusFiles.Load(file).Assembly.GetType(typeName)!;
        MethodInfo Find(string suffix) => type.GetMethod(method + suffix, BindingFlags.Public | BindingFlags.Static)!;
        var gradient = Find("_Gradient");
        var product = Find("_Hvp");
        var matrix = Find("_Hessian");
        return (
            (p, g) => (double)gradient.Invoke(null, [p, g])!,
            (p, v, g, h) => (double)product.Invoke(null, [p, v, g, h])!,
            (p, g, m) => (double)matrix.Invoke(null, [p, g, m])!);
    }

    private static (double Value, double[] Gradient, double[] Product) Apply(Product product, double[] point, double[] direction)
    {
        var g = new double[point.Length];
        var h = new double[point.Length];
        var value = product(point, direction, g, h);
        return (value, g, h);
    }

    private static double[] RandomVector(Random random, int length, double low, double high) =>
        Enumerable.Range(0, length).Select(_ => low + ((high - low) * random.NextDouble())).ToArray();

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();
}
