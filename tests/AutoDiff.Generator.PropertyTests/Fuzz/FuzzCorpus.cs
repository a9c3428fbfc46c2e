using System.Reflection;
using AutoDiff.PropertyTests.Programs;
using CsCheck;

namespace AutoDiff.PropertyTests.Fuzz;

/// <summary>
/// Valid sources the fuzzer mutates: hand-written ones covering every parameter kind and construct of the contract,
/// the generator team's corpus (tests/AutoDiff.Generator.Tests/Corpus, embedded when present), and random programs.
/// </summary>
internal static class FuzzCorpus
{
    private static readonly string[] HandWritten =
    [
        """
        using System;
        using AutoDiff;

        namespace Shapes
        {
            public static partial class Functions
            {
                [Differentiable]
                public static double Rosenbrock(double x, double y)
                    => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);

                [Differentiable]
                public static float Softplus(float x) => MathF.Log(1f + MathF.Exp(x));
            }
        }
        """,
        """
        using System;
        using AutoDiff;

        public static partial class Outer
        {
            public static partial class Inner
            {
                [Differentiable]
                public static double Dot(ReadOnlySpan<double> w, double[] v, [NoDerivative] double scale, int n)
                {
                    double s = 0;
                    for (int i = 0; i < w.Length; i++)
                    {
                        s += w[i] * v[i] * scale;
                    }

                    return s / (1 + n);
                }
            }
        }
        """,
        """
        using System;
        using AutoDiff;

        public static partial class Control
        {
            [Differentiable]
            public static double Piecewise(double x, double y, bool flip)
            {
                double t = x * y;
                if (t > 1.0)
                {
                    return Math.Sqrt(t);
                }
                else if (flip)
                {
                    t *= -1;
                }

                t += x > y ? Math.Sin(x) : Math.Cos(y);
                int k = 0;
                while (k < 3)
                {
                    t = Math.Tanh(t) + x;
                    k++;
                }

                return t;
            }
        }
        """,
        """
        using System;
        using AutoDiff;

        public static partial class Calls
        {
            [Differentiable]
            public static double Square(double u) => u * u;

            [Differentiable]
            public static double Energy(double x, double y) => Square(x - y) + Smooth(x);

            public static double Smooth(double x) => Math.Log(1 + Math.Exp(x));

            [DerivativeOf(nameof(Smooth))]
            public static void SmoothPullback(double x, double seed, ref double dx) => dx += seed / (1 + Math.Exp(-x));
        }
        """,
        """
        using System;
        using AutoDiff;

        public partial struct Physics
        {
            [Differentiable]
            public static double Energy(double m, double v, double h)
            {
                const double g = 9.81;
                var kinetic = 0.5 * m * v * v;
                double[] parts = new double[2];
                parts[0] = kinetic;
                parts[1] = m * g * h;
                return parts[0] + parts[1];
            }
        }
        """,
    ];

    public static readonly IReadOnlyList<string> Sources = [.. HandWritten, .. GeneratorTeamCorpus(), .. RandomPrograms()];

    private static IEnumerable<string> GeneratorTeamCorpus()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Corpus.")).Order())
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return reader.ReadToEnd();
        }
    }

    private static IEnumerable<string> RandomPrograms()
    {
        // A fixed seed, so the corpus is the same on every run and a failure replays from CsCheck's seed alone.
        foreach (var features in Enum.GetValues<Features>())
        {
            var functions = ProgramGen.Batch(features, 10).Single(_ => true, "0000000001ab");
            foreach (var (function, id) in functions.Select((f, i) => (f, i)))
            {
                yield return "using System;\nusing AutoDiff;\n\n" + function.Render(id, Flavor.Double);
            }
        }
    }
}
