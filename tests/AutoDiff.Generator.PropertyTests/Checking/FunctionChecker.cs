using System.Globalization;
using AutoDiff.PropertyTests.Compiling;

namespace AutoDiff.PropertyTests.Checking;

/// <summary>
/// Checks one compiled random function: it fell back to the tape exactly when the docs say it does, and at each of its
/// points the value is finite (the program generator's domain
/// guards hold), <c>WithGradient</c> returns the same value, its gradient agrees with the tape's gradient, the pullback adds
/// exactly seed × gradient into pre-filled adjoints, and every partial derivative matches Richardson-extrapolated central
/// differences wherever the function is smooth within the step.
/// </summary>
internal static class FunctionChecker
{
    private const double Seed = 1.5;
    private const double Prefill = 0.25;

    public static IEnumerable<string> Check(FunctionEntry entry, PropertyStats stats)
    {
        if (entry.Generated is not null && entry.FellBackToTape != entry.Function.FallsBackToTape)
        {
            yield return entry.FellBackToTape
                ? "the generator fell back to the tape (AD0011) where the docs say it differentiates statically"
                : "the generator differentiated statically a body the docs say falls back to the tape (AD0011)";
        }

        foreach (var point in entry.Function.Points)
        {
            stats.Point();
            var s = point.Scalars[..entry.Function.ScalarCount];
            var w = entry.Function.HasSpan ? point.Span : [];
            var where = $"at ({string.Join(", ", s.Select(Show))}{(entry.Function.HasSpan ? ", w = [" + string.Join(", ", w.Select(Show)) + "]" : "")})";
            var value = entry.Eval(s, w);
            if (!double.IsFinite(value))
            {
                yield return $"the program evaluates to {Show(value)} {where} (its domain guards failed)";
                continue;
            }

            if (entry.Generated is null || entry.Pullback is null || entry.Tape is null)
            {
                continue;
            }

            var ds = new double[s.Length];
            var dw = new double[w.Length];
            var generatedValue = entry.Generated(s, w, ds, dw);
            if (!Tolerances.EnginesAgree(generatedValue, value))
            {
                yield return $"WithGradient returns {Show(generatedValue)} but the function returns {Show(value)} {where}";
            }

            var tapeS = new double[s.Length];
            var tapeW = new double[w.Length];
            var tapeValue = entry.Tape(s, w, tapeS, tapeW);
            if (!Tolerances.EnginesAgree(tapeValue, value))
            {
                yield return $"the tape computes {Show(tapeValue)} but the function returns {Show(value)} {where}";
            }

            var pullS = Enumerable.Repeat(Prefill, s.Length).ToArray();
            var pullW = Enumerable.Repeat(Prefill, w.Length).ToArray();
            entry.Pullback(s, w, Seed, pullS, pullW);

            var gradient = ds.Concat(dw).ToArray();
            var tape = tapeS.Concat(tapeW).ToArray();
            var pulled = pullS.Concat(pullW).ToArray();
            for (var k = 0; k < gradient.Length; k++)
            {
                var name = k < s.Length ? "d" + entry.Function.Scalars[k] : $"dw[{k - s.Length}]";
                if (!Tolerances.EnginesAgree(gradient[k], tape[k]))
                {
                    yield return $"{name} = {Show(gradient[k])} from WithGradient but {Show(tape[k])} from the tape {where}";
                }

                var expectedPull = Prefill + Seed * gradient[k];
                if (!Tolerances.EnginesAgree(pulled[k], expectedPull))
                {
                    yield return $"Pullback with seed {Seed} into {Prefill} gives {name} = {Show(pulled[k])}, expected {Show(expectedPull)} {where}";
                }

                var index = k;
                var (smooth, contradiction) = FiniteDifference.Compare(
                    t => entry.Eval(With(s, index, t), With(w, index - s.Length, t)),
                    k < s.Length ? s[k] : w[k - s.Length],
                    gradient[k],
                    t => TapeDerivative(entry, With(s, index, t), With(w, index - s.Length, t), index));
                stats.Derivative(smooth);
                if (contradiction is { } fd)
                {
                    yield return $"{name} = {Show(gradient[k])} from WithGradient but finite differences give {Show(fd.Estimate)} ± {Show(fd.ErrorBar)} {where}";
                }
            }

            foreach (var problem in CheckForwardAndSecondOrder(entry, s, w, gradient, where, stats))
            {
                yield return problem;
            }
        }
    }

    /// <summary>
    /// The pushforward is the gradient along a tangent; the Hessian-vector product returns the same gradient, is a
    /// symmetric bilinear form (uᵀHv = vᵀHu), and is the derivative of the gradient along the direction wherever
    /// finite differences of the gradient see it smooth.
    /// </summary>
    private static IEnumerable<string> CheckForwardAndSecondOrder(FunctionEntry entry, double[] s, double[] w, double[] gradient, string where, PropertyStats stats)
    {
        if (entry.Jvp is null || entry.Hvp is null)
        {
            yield break;
        }

        var u = Direction(s.Length + w.Length, 0.7);
        var v = Direction(s.Length + w.Length, 1.9);
        var jvp = entry.Jvp(s, w, u[..s.Length], u[s.Length..]);
        var expected = gradient.Zip(u, (g, t) => g * t).Sum();
        if (!Tolerances.EnginesAgree(jvp, expected))
        {
            yield return $"the pushforward along ({string.Join(", ", u.Select(Show))}) is {Show(jvp)} but gradient · tangent is {Show(expected)} {where}";
        }

        var (hvpGradient, hu) = Product(entry.Hvp, s, w, u);
        var (_, hv) = Product(entry.Hvp, s, w, v);
        for (var k = 0; k < gradient.Length; k++)
        {
            if (!Tolerances.EnginesAgree(hvpGradient[k], gradient[k]))
            {
                yield return $"HessianVectorProduct's gradient {k} is {Show(hvpGradient[k])} but WithGradient's is {Show(gradient[k])} {where}";
            }
        }

        var uHv = u.Zip(hv, (a, b) => a * b).Sum();
        var vHu = v.Zip(hu, (a, b) => a * b).Sum();
        if (!(Math.Abs(uHv - vHu) <= Tolerances.BetweenEngines * (1 + hu.Sum(Math.Abs) + hv.Sum(Math.Abs))))
        {
            yield return $"the Hessian-vector products are not symmetric: uᵀHv = {Show(uHv)} but vᵀHu = {Show(vHu)} {where}";
        }

        // Every component's differences come from the same few gradients along the line. Where they contradict a
        // product, the products along the line say whether it bends within the step (see FiniteDifference.Compare):
        // a wrong product of a smooth function does not, so a bug is not skipped for it.
        var along = new Dictionary<double, double[]>();
        double[] At(double t) => along.TryGetValue(t, out var known) ? known : along[t] = Gradient(entry.Generated!, s, w, u, t);
        var products = new Dictionary<double, double[]>();
        double[] ProductAt(double t) => products.TryGetValue(t, out var known) ? known : products[t] = Product(entry.Hvp, Moved(s, u, 0, t), Moved(w, u, s.Length, t), u).Product;
        for (var k = 0; k < gradient.Length; k++)
        {
            var component = k;
            var (smooth, contradiction) = FiniteDifference.Compare(t => At(t)[component], 0, hu[k], t => ProductAt(t)[component]);
            stats.Derivative(smooth);
            if (contradiction is { } fd)
            {
                yield return $"(H·u)[{k}] = {Show(hu[k])} from HessianVectorProduct but finite differences of the gradient give {Show(fd.Estimate)} ± {Show(fd.ErrorBar)} along ({string.Join(", ", u.Select(Show))}) {where}";
            }
        }
    }

    /// <summary>A fixed direction with entries of both signs and different sizes, the same for every point.</summary>
    private static double[] Direction(int length, double phase) => Enumerable.Range(0, length).Select(i => Math.Sin((1.3 * i) + phase)).ToArray();

    private static (double[] Gradient, double[] Product) Product(HvpFn hvp, double[] s, double[] w, double[] direction)
    {
        var ds = new double[s.Length];
        var dw = new double[w.Length];
        var hs = new double[s.Length];
        var hw = new double[w.Length];
        hvp(s, w, direction[..s.Length], direction[s.Length..], ds, dw, hs, hw);
        return (ds.Concat(dw).ToArray(), hs.Concat(hw).ToArray());
    }

    /// <summary>The generated gradient at the point moved by <paramref name="t"/> along <paramref name="direction"/>.</summary>
    private static double[] Gradient(GradFn generated, double[] s, double[] w, double[] direction, double t)
    {
        var ds = new double[s.Length];
        var dw = new double[w.Length];
        generated(Moved(s, direction, 0, t), Moved(w, direction, s.Length, t), ds, dw);
        return ds.Concat(dw).ToArray();
    }

    /// <summary><paramref name="values"/> moved by <paramref name="t"/> along their part of <paramref name="direction"/>, which starts at <paramref name="offset"/>.</summary>
    private static double[] Moved(double[] values, double[] direction, int offset, double t) =>
        values.Select((x, i) => x + (t * direction[offset + i])).ToArray();


    // The tape's partial derivative with respect to coordinate index at the point (s, w): the engine independent of the generated one.
    private static double TapeDerivative(FunctionEntry entry, double[] s, double[] w, int index)
    {
        var ds = new double[s.Length];
        var dw = new double[w.Length];
        entry.Tape!(s, w, ds, dw);
        return index < s.Length ? ds[index] : dw[index - s.Length];
    }
    private static double[] With(double[] values, int index, double value)
    {
        if (index < 0 || index >= values.Length)
        {
            return values;
        }

        var copy = (double[])values.Clone();
        copy[index] = value;
        return copy;
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
