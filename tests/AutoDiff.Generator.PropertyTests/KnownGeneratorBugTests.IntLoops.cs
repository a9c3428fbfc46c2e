using AutoDiff.PropertyTests.Robustness;

namespace AutoDiff.PropertyTests;

/// <summary>
/// Minimal sources of the generator bugs the int-and-loop random families found (issue 12), one test per bug route; the
/// <c>Gap</c> each names is in <c>Programs/GeneratorGaps.cs</c>. All failed on the generator before the derivative IR
/// (34f51e2) and pass on main since (5b8bb90). A test is skipped only while its gap is listed in <c>GeneratorGaps.Avoided</c>.
/// Expected numbers are closed forms (stated next to each) and every partial derivative is also checked against finite differences.
/// </summary>
public sealed partial class KnownGeneratorBugTests
{
    [Fact]
    public void AReusedIndexPassedToAPlainMethodCompiles()
    {
        // Found by ReusedIndexGradientsAgreeWithTapeAndFiniteDifferences.
        using var program = SourceProgram.OfBody("""
            double s = x;
            for (int i = 0; i < w.Length; i++)
            {
                s += w[i];
            }

            for (int i = 0; i < w.Length; i++)
            {
                s += Weight(i) * w[i];
            }

            return s * x;
            """);
        double[] w = [0.5, -1.25, 2.0];
        const double x = 0.75;
        var (value, gradient) = program.WithGradient(x, w);
        // F = x·(x + Σ wᵢ + Σ wᵢ/(i+1)); ∂F/∂x = 2x + Σ wᵢ(1 + 1/(i+1)); ∂F/∂wᵢ = x(1 + 1/(i+1)).
        Assert.Equal(x * (x + 1.25 + (0.5 - 0.625 + 2.0 / 3)), value, 1e-14);
        Assert.Equal(2 * x + 1.25 + (0.5 - 0.625 + 2.0 / 3), gradient[0], 1e-14);
        Assert.Equal([x * 2, x * 1.5, x * (4.0 / 3)], gradient[1..], new ToleranceComparer(1e-14));
        Assert.Empty(program.FiniteDifferenceMismatches(x, w));
    }

    [Fact]
    public void AnIntSteppedAfterAPlainCallInALoopIsSeenAtItsValueThen()
    {
        // Found by NestedLoopGradientsAgreeWithTapeAndFiniteDifferences (k stepped in a nested loop), and by
        // WhileLoopGradientsAgreeWithTapeAndFiniteDifferences (a while loop's counter passed to a plain method).
        using var program = SourceProgram.OfBody("""
            int k = 0;
            double s = 0;
            for (int i = 0; i < w.Length; i++)
            {
                k++;
                s += Weight(k) * x;
            }

            return s;
            """);
        double[] w = [0.5, -1.25, 2.0];
        var (_, gradient) = program.WithGradient(0.75, w);
        Assert.Equal(1.0 / 2 + 1.0 / 3 + 1.0 / 4, gradient[0], 1e-14); // ∂/∂x Σₖ₌₁..₃ x/(k+1)
        Assert.Empty(program.FiniteDifferenceMismatches(0.75, w));
    }

    [Fact]
    public void TheIndexOfALoopWithABreakIsSeenAtItsValueThen()
    {
        // Found by BoolFlagGradientsAgreeWithTapeAndFiniteDifferences (there NaN: 0 times Weight(-1) = ∞); the loop never breaks.
        using var program = SourceProgram.OfBody("""
            double a = x;
            for (int i = w.Length - 1; i >= 0; i--)
            {
                if (w[i] > 10.0)
                {
                    break;
                }

                a = Weight(i) * a;
            }

            return a;
            """);
        double[] w = [0.5, -1.25, 2.0];
        var (_, gradient) = program.WithGradient(0.75, w);
        Assert.Equal(1.0 / 3 * (1.0 / 2) * 1.0, gradient[0], 1e-14); // a = x·W(2)·W(1)·W(0)
        Assert.Empty(program.FiniteDifferenceMismatches(0.75, w));
    }

    [Fact]
    public void AnIntSteppedInABranchOfALoopIsUndone()
    {
        // The root shape of the two continue tests below, found while diagnosing them (see Gap.IntStepInLoopBranch).
        using var program = SourceProgram.OfBody("""
            double s = 0;
            int k = 0;
            for (int i = 0; i < w.Length; i++)
            {
                if (w[i] > 0)
                {
                    k++;
                    s += x * w[k % w.Length];
                }
            }

            return s;
            """);
        double[] w = [0.5, -1.25, 2.0];
        const double x = 0.75;
        var (value, gradient) = program.WithGradient(x, w);
        // i = 0 steps k to 1 and adds x·w[1]; i = 2 steps k to 2 and adds x·w[2]: F = x(w[1] + w[2]).
        Assert.Equal(x * 0.75, value, 1e-15);
        Assert.Equal([0.75, 0.0, x, x], gradient, new ToleranceComparer(1e-15));
        Assert.Empty(program.FiniteDifferenceMismatches(x, w));
    }

    [Fact]
    public void AnIntSteppedBeforeAContinueIsUndone()
    {
        // The first family, by hand; see WhileLoopGradientsAgreeWithTapeAndFiniteDifferences for random ones.
        using var program = SourceProgram.OfBody("""
            double s = 0;
            int k = 0;
            int c = 0;
            while (c < w.Length)
            {
                c++;
                if (w[c - 1] > 0)
                {
                    k++;
                    continue;
                }

                s += x * w[k];
            }

            return s;
            """);
        double[] w = [-0.3, 0.5, 1.2];
        var (value, gradient) = program.WithGradient(0.7, w);
        // Only c = 1 reaches the sum (w[0] ≤ 0, with k = 0), so F = x·w[0]: ∂F/∂x = w[0], ∂F/∂w[0] = x, the rest 0.
        Assert.Equal(0.7 * -0.3, value, 1e-15);
        Assert.Equal([-0.3, 0.7, 0.0, 0.0], gradient, new ToleranceComparer(1e-15));
        Assert.Empty(program.FiniteDifferenceMismatches(0.7, w));
    }

    [Fact]
    public void AForLoopThatContinuesAndBreaksStepsItsIndexOnTheContinuePath()
    {
        // Found by ReusedIndexGradientsAgreeWithTapeAndFiniteDifferences: the for loop's own i++ on the continue path.
        using var program = SourceProgram.OfBody("""
            double a = x;
            for (int i = 0; i < w.Length; i++)
            {
                if (i % 2 == 0)
                {
                    continue;
                }

                if (x > 10.0)
                {
                    break;
                }

                a += w[i];
            }

            return a;
            """);
        double[] w = [0.5, -1.25, 2.0, 0.25];
        var (value, gradient) = program.WithGradient(0.75, w);
        // F = x + w[1] + w[3]: ∂F/∂x = 1, ∂F/∂w = [0, 1, 0, 1].
        Assert.Equal(0.75 - 1.25 + 0.25, value, 1e-15);
        Assert.Equal([1.0, 0.0, 1.0, 0.0, 1.0], gradient, new ToleranceComparer(1e-15));
        Assert.Empty(program.FiniteDifferenceMismatches(0.75, w));
    }

    [Fact]
    public void AChangedDoubleReadInsideAPlainCallsArgumentIsSeenAtItsValueThen()
    {
        // Found by ReusedIndexGradientsAgreeWithTapeAndFiniteDifferences: the call is pasted as text, so the reverse sweep
        // re-evaluates Weight(x > a ? 0 : 1) (to tell which argument Min picked) with a's final value.
        using var program = SourceProgram.OfBody("""
            double a = x;
            for (int i = 0; i < w.Length; i++)
            {
                a += Math.Min(x, Weight(x > a ? 0 : 1)) - 1.0;
            }

            return a;
            """);
        double[] w = [0.5, -1.25];
        const double x = 0.75;
        var (value, gradient) = program.WithGradient(x, w);
        // i = 0: a = x, so x > a is false, Weight(1) = 0.5 < x: a = x - 0.5. i = 1: x > a, Weight(0) = 1 > x: a = 2x - 1.5.
        Assert.Equal(2 * x - 1.5, value, 1e-15);
        Assert.Equal([2.0, 0.0, 0.0], gradient, new ToleranceComparer(1e-15));
        Assert.Empty(program.FiniteDifferenceMismatches(x, w));
    }

    [Fact]
    public void AToggledFlagReadInsideAPlainCallsArgumentIsSeenAtItsValueThen()
    {
        // Found by BoolFlagGradientsAgreeWithTapeAndFiniteDifferences; straight-line code, no loop needed.
        using var program = SourceProgram.OfBody("""
            bool f = false;
            double t = Math.Min(Math.Exp(w[0]), Weight(f ? 2 : 1)) + x;
            f = !f;
            return t;
            """);
        double[] w = [-0.75];
        var (value, gradient) = program.WithGradient(0.5, w);
        // Weight(1) = 0.5 > e^-0.75 = 0.472, so Min picks e^w: F = e^w + x, ∂F/∂x = 1, ∂F/∂w = e^w.
        Assert.Equal(Math.Exp(-0.75) + 0.5, value, 1e-15);
        Assert.Equal([1.0, Math.Exp(-0.75)], gradient, new ToleranceComparer(1e-15));
        Assert.Empty(program.FiniteDifferenceMismatches(0.5, w));
    }

    [Fact]
    public void ATanhOutputOverwrittenInALoopIsNotReadBack()
    {
        // Found by ReusedIndexGradientsAgreeWithTapeAndFiniteDifferences on main 8a6a1db (seed 6knTZ3zCVvv5); passes on 5b8bb90.
        using var program = SourceProgram.OfBody("""
            double a0 = x;
            for (int i = 0; i < w.Length; i++)
            {
                a0 = Math.Tanh(x);
                a0 += 1.0;
            }

            double a1 = 1.0;
            for (int i = 0; i < w.Length; i++)
            {
                a1 += Math.Tanh(w[i]);
            }

            return a0;
            """);
        double[] w = [-1.75, 0.5];
        const double x = -1.5;
        var (value, gradient) = program.WithGradient(x, w);
        var t = Math.Tanh(x);
        Assert.Equal(t + 1, value, 1e-15); // F = tanh x + 1
        Assert.Equal([1 - t * t, 0.0, 0.0], gradient, new ToleranceComparer(1e-15));
        Assert.Empty(program.FiniteDifferenceMismatches(x, w));
    }

    /// <summary>Element-wise equality within an absolute tolerance, for gradient arrays.</summary>
    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;

        public int GetHashCode(double value) => 0;
    }
}
