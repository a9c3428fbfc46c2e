using System.Reflection;
using AutoDiff.Generator.Rules;
using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// The derivative table held against the functions it describes (finite differences of .NET's own Math and
/// generic-math functions), against the runtime tape's ops of the same name, and through the generator.
/// </summary>
public class DerivativeTableTests
{
    public static TheoryData<string, int> Rows
    {
        get
        {
            var rows = new TheoryData<string, int>();
            foreach (var rule in DerivativeTable.Rows)
            {
                rows.Add(rule.Name, rule.Arity);
            }

            return rows;
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_partial_matches_finite_differences_of_the_function(string name, int arity)
    {
        var rule = DerivativeTable.Find(name, arity)!;
        var function = DotNetFunction(name, arity);
        // A seed that is the same in every run (string.GetHashCode is randomized per process).
        var random = new Random(name.Aggregate(arity, (hash, c) => unchecked((hash * 31) + c)));
        var checkedPoints = 0;
        for (var attempt = 0; attempt < 200 && checkedPoints < 20; attempt++)
        {
            var args = Point(name, arity, random);
            var output = function(args);
            var expected = Partials(rule, args, output);
            for (var i = 0; i < arity; i++)
            {
                if (IsIntArgument(name, i))
                {
                    continue;
                }

                var fd = FiniteDifferences.Gradient(p => function(p), args)[i];
                if (!(rule.Shape != RuleShape.Smooth || name is "Abs" or "CopySign") || !NearKink(function, args, i))
                {
                    Assert.True(
                        FiniteDifferences.RelativeError(expected[i], fd) <= 1e-7,
                        $"{name}/{arity} d/da{i} at ({string.Join(", ", args)}): table {expected[i]:R}, finite differences {fd:R}");
                }
            }

            checkedPoints++;
        }

        Assert.Equal(20, checkedPoints);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void The_tape_op_of_the_same_name_has_the_table_derivative(string name, int arity)
    {
        var rule = DerivativeTable.Find(name, arity)!;
        var op = typeof(ValueMath).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .SingleOrDefault(m => m.Name == name && m.GetParameters().Length == arity
                && m.GetParameters().Select((p, i) => p.ParameterType == (IsIntArgument(name, i) ? typeof(int) : typeof(Value))).All(x => x));
        Assert.True(op is not null, $"The tape has no ValueMath.{name} taking {arity} arguments, so the runtime-tape fallback could not run a method calling it.");
        var function = DotNetFunction(name, arity);
        var random = new Random(7 * arity + name.Length);
        for (var n = 0; n < 20; n++)
        {
            var args = Point(name, arity, random);
            var leaves = args.Select((a, i) => IsIntArgument(name, i) ? (object)(int)a : new Value(a)).ToArray();
            var result = (Value)op!.Invoke(null, leaves)!;
            result.Backward();
            Assert.Equal(function(args), result.Data);
            var expected = Partials(rule, args, result.Data);
            for (var i = 0; i < arity; i++)
            {
                if (!IsIntArgument(name, i))
                {
                    Assert.Equal(expected[i], ((Value)leaves[i]).Grad, 1e-12 * Math.Max(1, Math.Abs(expected[i])));
                }
            }
        }
    }

    [Fact]
    public void Generic_math_floats_are_differentiated_in_float()
    {
        using var loaded = GeneratorHarness.CompileAndLoad("""
            using System;
            using AutoDiff;
            namespace Samples;
            public static partial class G
            {
                [Differentiable] public static float F(float x, float y) => float.Tanh(x * y) + float.Sqrt(x * x + 1f) * float.Pow(y, 2f) + MathF.FusedMultiplyAdd(x, y, x);
            }
            """);
        const float x = 0.7f, y = -1.3f;
        var args = new object?[] { x, y, null, null };
        var value = (float)loaded.Method("Samples.G", "FWithGradient").Invoke(null, args)!;
        // d/dx = y·sech²(xy) + x / sqrt(x² + 1) · y² + y + 1, d/dy = x·sech²(xy) + 2y·sqrt(x² + 1) + x
        double sech2 = 1 - Math.Tanh(x * y) * Math.Tanh(x * y), root = Math.Sqrt((x * x) + 1);
        Assert.Equal(Math.Tanh(x * y) + (root * y * y) + (x * y) + x, value, 1e-5);
        Assert.Equal((y * sech2) + (x / root * y * y) + y + 1, (float)args[2]!, 1e-5);
        Assert.Equal((x * sech2) + (2 * y * root) + x, (float)args[3]!, 1e-5);
    }

    [Theory]
    [InlineData("Math.IEEERemainder(x, 2.0)", "Math.IEEERemainder")]
    [InlineData("Math.BitIncrement(x)", "Math.BitIncrement")]
    [InlineData("double.ExpM1(x)", "Double.ExpM1")]
    public void A_function_the_table_does_not_know_is_refused_not_given_a_zero_derivative(string call, string named)
    {
        var result = GeneratorHarness.Run("using System;\nusing AutoDiff;\nnamespace Samples;\npublic static partial class U { [Differentiable] public static double F(double x) => x * " + call + "; }");
        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "AD0005");
        Assert.Contains(named, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("FWithGradient", result.GeneratedText());
    }

    private static double[] Partials(FunctionRule rule, double[] args, double output)
    {
        var partials = new double[rule.Arity];
        switch (rule.Shape)
        {
            case RuleShape.Smooth:
                for (var i = 0; i < rule.Arity; i++)
                {
                    var guarded = rule.Guards[i] is { } guard && FormulaEvaluator.Evaluate(guard, args, output) == 0;
                    partials[i] = rule.Partials[i] is { } partial && !guarded ? FormulaEvaluator.Evaluate(partial, args, output) : 0;
                }

                break;
            case RuleShape.Select:
                var picked = rule.Picks.FirstOrDefault(p => FormulaEvaluator.Evaluate(p.Condition, args, output) != 0)?.Argument ?? rule.DefaultPick;
                partials[picked] = 1;
                break;
        }

        return partials;
    }

    /// <summary>The function as .NET defines it: Math's overload over doubles, else the generic-math one on double.</summary>
    private static Func<double[], double> DotNetFunction(string name, int arity)
    {
        var types = Enumerable.Range(0, arity).Select(i => IsIntArgument(name, i) ? typeof(int) : typeof(double)).ToArray();
        var method = typeof(Math).GetMethod(name, types) ?? typeof(double).GetMethod(name, types)
            ?? throw new InvalidOperationException("No Math." + name + " or double." + name + " with " + arity + " arguments");
        return args => Convert.ToDouble(method.Invoke(null, args.Select((a, i) => IsIntArgument(name, i) ? (object)(int)a : a).ToArray()));
    }

    private static bool IsIntArgument(string name, int index) => index == 1 && name is "ScaleB" or "Round";

    /// <summary>A point inside the function's domain, away from its kinks.</summary>
    private static double[] Point(string name, int arity, Random random)
    {
        double Uniform(double low, double high) => low + ((high - low) * random.NextDouble());
        return name switch
        {
            "Asin" or "Acos" or "Atanh" => [Uniform(-0.9, 0.9)],
            "Acosh" => [Uniform(1.2, 4)],
            "Tan" => [Uniform(-1.2, 1.2)],
            // atan2(y, x) jumps by 2π across the negative x axis: keep x positive.
            "Atan2" => [Uniform(-2, 2), Uniform(0.2, 2)],
            "Log" or "Log10" or "Log2" or "Sqrt" or "Cbrt" when arity == 1 => [Uniform(0.1, 4)],
            "Log" => [Uniform(0.1, 4), Uniform(1.5, 4)],
            "Pow" => [Uniform(0.3, 3), Uniform(-2, 2)],
            "ScaleB" => [Uniform(-2, 2), random.Next(-4, 5)],
            "Round" when arity == 2 => [Uniform(-2, 2), random.Next(0, 3)],
            "Clamp" => Clamp(Uniform(-3, 3), Uniform(-2, 0)),
            _ => Enumerable.Range(0, arity).Select(_ => Uniform(-2, 2)).ToArray(),
        };
    }

    private static double[] Clamp(double value, double low) => [value, low, low + 1.5];

    /// <summary>
    /// True where the function has a kink or jump within the finite-difference stencil: the one-sided slopes over a
    /// step a little wider than the stencil then disagree by far more than curvature could make them.
    /// </summary>
    private static bool NearKink(Func<double[], double> function, double[] args, int i)
    {
        var step = 2e-3 * Math.Max(1, Math.Abs(args[i]));
        double At(double offset)
        {
            var shifted = (double[])args.Clone();
            shifted[i] += offset;
            return function(shifted);
        }

        var left = (At(0) - At(-step)) / step;
        var right = (At(step) - At(0)) / step;
        return Math.Abs(left - right) > 0.05;
    }
}
