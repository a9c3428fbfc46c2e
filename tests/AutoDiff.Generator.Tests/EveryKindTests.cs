using System.Collections.Concurrent;
using System.Reflection;
using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// Every corpus function of scalar parameters, generated again with <c>Derivatives.Hessian</c> (which brings the
/// pushforward along): its pushforward is the gradient along the tangent, its Hessian-vector product the derivative
/// of the gradient along the direction (by finite differences wherever the gradient is smooth), and uᵀHv = vᵀHu.
/// Span functions get the same checks in <see cref="SecondOrderTests"/> and in the random programs.
/// </summary>
public class EveryKindTests
{
    private static readonly ConcurrentDictionary<string, Lazy<LoadedAssembly>> Rewritten = new();

    /// <summary>The corpus cases whose file can ask for every kind: not those whose derivative is a user pullback or the tape.</summary>
    public static TheoryData<string, string, string, int, double, double> Cases()
    {
        var cases = new TheoryData<string, string, string, int, double, double>();
        foreach (var row in GradientTests.Cases)
        {
            var (file, type, method, dimension, low, high) = ((string)row[0], (string)row[1], (string)row[2], (int)row[3], (double)row[4], (double)row[5]);
            if (file is not ("DerivativeOf" or "Fallback"))
            {
                cases.Add(file, type, method, dimension, low, high);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pushforward_and_Hessian_vector_product_agree_with_the_gradient(string file, string typeName, string method, int dimension, double low, double high)
    {
        var type = Load(file).Assembly.GetType(typeName, throwOnError: true)!;
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        var primal = type.GetMethod(method, flags)!;
        if (primal.GetParameters().Any(p => p.ParameterType != typeof(double)) || type.GetMethod(method + "_Value", flags) is not null)
        {
            // Spans and passive parameters cannot be flattened generically; see the class summary.
            Assert.True(type.GetMethod(method + "HessianVectorProduct", flags) is not null, $"{typeName}.{method} has no Hessian-vector product");
            return;
        }

        var withGradient = type.GetMethod(method + "WithGradient", flags)!;
        var pushforward = type.GetMethod(method + "Pushforward", flags)!;
        var product = type.GetMethod(method + "HessianVectorProduct", flags)!;
        double[] Gradient(double[] point)
        {
            var args = point.Cast<object?>().Concat(new object?[dimension]).ToArray();
            withGradient.Invoke(null, args);
            return args.Skip(dimension).Select(a => (double)a!).ToArray();
        }

        double[] Product(double[] point, double[] direction)
        {
            var args = point.Concat(direction).Cast<object?>().Concat(new object?[2 * dimension]).ToArray();
            product.Invoke(null, args);
            return args.Skip(3 * dimension).Select(a => (double)a!).ToArray();
        }

        var random = new Random(method.Length * 131 + dimension);
        var compared = 0;
        for (var n = 0; n < 12; n++)
        {
            var point = Enumerable.Range(0, dimension).Select(_ => low + ((high - low) * random.NextDouble())).ToArray();
            var u = Enumerable.Range(0, dimension).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
            var v = Enumerable.Range(0, dimension).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
            var gradient = Gradient(point);

            var forward = point.Concat(u).Cast<object?>().Append(null).ToArray();
            pushforward.Invoke(null, forward);
            var jvp = (double)forward[^1]!;
            var expected = gradient.Zip(u, (g, t) => g * t).Sum();
            Assert.True(FiniteDifferences.RelativeError(jvp, expected) <= 1e-10, $"{typeName}.{method}: pushforward {jvp:R}, gradient · tangent {expected:R}");

            var hu = Product(point, u);
            var hv = Product(point, v);
            var uHv = u.Zip(hv, (a, b) => a * b).Sum();
            var vHu = v.Zip(hu, (a, b) => a * b).Sum();
            Assert.True(Math.Abs(uHv - vHu) <= 1e-10 * Math.Max(1, hu.Sum(Math.Abs) + hv.Sum(Math.Abs)), $"{typeName}.{method}: uᵀHv = {uHv:R} but vᵀHu = {vHu:R}");

            if (FiniteDifferences.AlongDirection(Gradient, point, u) is { } differences)
            {
                compared++;
                for (var i = 0; i < dimension; i++)
                {
                    Assert.True(
                        FiniteDifferences.RelativeError(hu[i], differences[i]) <= 1e-6,
                        $"{typeName}.{method} at ({string.Join(", ", point)}): product {i} = {hu[i]:R}, differences of the gradient {differences[i]:R}");
                }
            }
        }

        Assert.True(compared >= 6, $"{typeName}.{method}: only {compared} of 12 points were away from kinks");
    }

    /// <summary>The corpus file with every method asking for every kind.</summary>
    private static LoadedAssembly Load(string file) => Rewritten.GetOrAdd(file, f => new Lazy<LoadedAssembly>(() =>
    {
        var source = CorpusFiles.Source(f)
            .Replace("[Differentiable(Derivatives.Pushforward)]", "[Differentiable(Derivatives.Hessian)]", StringComparison.Ordinal)
            .Replace("[Differentiable]", "[Differentiable(Derivatives.Hessian)]", StringComparison.Ordinal);
        return GeneratorHarness.CompileAndLoad(source);
    })).Value;
}
