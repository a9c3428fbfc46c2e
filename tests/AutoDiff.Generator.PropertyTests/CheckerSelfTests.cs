using AutoDiff.PropertyTests.Checking;
using AutoDiff.PropertyTests.Compiling;
using AutoDiff.PropertyTests.Programs;

namespace AutoDiff.PropertyTests;

/// <summary>The checkers can fail: finite differences see kinks, and a wrong gradient is caught by each oracle.</summary>
public sealed class CheckerSelfTests
{
    [Fact]
    public void FiniteDifferencesMatchAClosedFormWithinTheirErrorBar()
    {
        const double x = 0.7;
        var fd = FiniteDifference.Of(t => Math.Sin(t) * Math.Exp(t), x);
        var exact = (Math.Cos(x) + Math.Sin(x)) * Math.Exp(x); // d/dx sin(x)·eˣ
        Assert.True(fd.Smooth);
        Assert.InRange(fd.Estimate, exact - fd.ErrorBar, exact + fd.ErrorBar);
        Assert.True(fd.ErrorBar < 1e-8, $"error bar {fd.ErrorBar}");
    }

    [Fact]
    public void FiniteDifferencesReportKinksAtAndNearThePoint()
    {
        Assert.False(FiniteDifference.Of(Math.Abs, 0.0).Smooth);                      // kink at the point: slopes -1 and 1
        Assert.False(FiniteDifference.Of(t => Math.Max(t, 0.3), 0.3).Smooth);         // kink at the point: slopes 0 and 1
        Assert.False(FiniteDifference.Of(t => Math.Max(t, 0.3), 0.3 + 4e-4).Smooth);  // kink inside the step h = 1e-3
        Assert.False(FiniteDifference.Of(t => t < 0.5 ? t : t + 1, 0.5 + 1e-4).Smooth); // a jump inside the step
    }

    [Fact]
    public void DifferencesThatAliasAFastOscillationDoNotContradictTheExactDerivative()
    {
        // Modelled on a long-run false alarm (seed c4AxId041rx2): a tiny term oscillating with a period of about
        // 4e-5, far below the step h/4 = 4.8e-4, so every step averages it away and R1, R2 agree on a slope near 0.
        static double F(double t) => 1e-9 * Math.Sin(1.5e5 * t) + 1e-7 * t;
        const double x = -1.9147;
        var exact = 1.5e-4 * Math.Cos(1.5e5 * x) + 1e-7;
        var coarse = FiniteDifference.Of(F, x);
        Assert.True(coarse.Smooth && !Tolerances.MatchesFiniteDifference(exact, coarse), "the aliased estimate passes as smooth and contradicts the exact slope");

        Assert.Null(FiniteDifference.Compare(F, x, exact).Contradiction);
    }

    [Fact]
    public void DifferencesOfAChaoticIntermediateDoNotContradictADerivativeThatChangesWithinTheStep()
    {
        // Modelled on a long-run false alarm (seed di_paFr_K-42): the result depends on a chaotic intermediate only
        // through a term of about 1e-13 that oscillates with a period far below even the smaller step, so both steps
        // agree on a slope near 0 while the exact derivative (mpmath agrees with the engines) is -4.65e-5.
        static double F(double t) => 1e-13 * Math.Sin(4.65e8 * t);
        static double Exact(double t) => 4.65e-5 * Math.Cos(4.65e8 * t);
        const double x = -0.5416858407346411;
        var fine = FiniteDifference.Of(F, x, FiniteDifference.RelativeStep / FiniteDifference.ConfirmationStepRatio);
        Assert.True(fine.Smooth && !Tolerances.MatchesFiniteDifference(Exact(x), fine), "both steps average the oscillation away and contradict the exact slope");

        Assert.NotNull(FiniteDifference.Compare(F, x, Exact(x)).Contradiction);
        Assert.Null(FiniteDifference.Compare(F, x, Exact(x), Exact).Contradiction);
    }

    [Fact]
    public void AWrongDerivativeOfASmoothFunctionStillContradictsWhenTheDerivativeIsGiven()
    {
        const double x = 0.7;
        static double Exact(double t) => (Math.Cos(t) + Math.Sin(t)) * Math.Exp(t);
        var (smooth, contradiction) = FiniteDifference.Compare(t => Math.Sin(t) * Math.Exp(t), x, Exact(x) * (1 + 1e-5), Exact);
        Assert.True(smooth);
        Assert.NotNull(contradiction);
    }

    [Fact]
    public void AContradictionConfirmedAtTheSmallerStepStands()
    {
        const double x = 0.7;
        var exact = (Math.Cos(x) + Math.Sin(x)) * Math.Exp(x);
        var (smooth, contradiction) = FiniteDifference.Compare(t => Math.Sin(t) * Math.Exp(t), x, exact * (1 + 1e-5));
        Assert.True(smooth);
        Assert.NotNull(contradiction);
        Assert.InRange(contradiction.Value.Estimate, exact - contradiction.Value.ErrorBar, exact + contradiction.Value.ErrorBar);
    }

    [Fact]
    public void AWrongGradientIsCaughtByTheTapeAndByFiniteDifferences()
    {
        var problems = Check(generatedScale: 1.01, pullbackScale: 1.0);
        Assert.Contains(problems, p => p.Contains("from the tape"));
        Assert.Contains(problems, p => p.Contains("finite differences"));
        Assert.Contains(problems, p => p.Contains("Pullback"));  // the pullback no longer adds 1.5 × the (wrong) gradient
    }

    [Fact]
    public void APullbackThatOverwritesInsteadOfAddingIsCaught()
    {
        var problems = Check(generatedScale: 1.0, pullbackScale: 1.0, pullbackOverwrites: true);
        Assert.Single(problems);
        Assert.Contains("Pullback", problems[0]);
    }

    [Fact]
    public void ACorrectEngineTripleIsAccepted() => Assert.Empty(Check(generatedScale: 1.0, pullbackScale: 1.0));

    [Fact]
    public void AWrongPushforwardIsCaught()
    {
        var problems = Check(generatedScale: 1.0, pullbackScale: 1.0, jvpScale: 1.01);
        Assert.Single(problems);
        Assert.Contains("pushforward", problems[0]);
    }

    [Fact]
    public void AWrongHessianVectorProductIsCaughtByFiniteDifferencesOfTheGradient()
    {
        var problems = Check(generatedScale: 1.0, pullbackScale: 1.0, hvpScale: 1.01);
        Assert.Single(problems);
        Assert.Contains("finite differences of the gradient", problems[0]);
    }

    /// <summary>Checks f(x) = sin x at x ≈ 0.3 with engines whose derivatives are cos x times the given scales.</summary>
    private static List<string> Check(double generatedScale, double pullbackScale, bool pullbackOverwrites = false, double jvpScale = 1.0, double hvpScale = 1.0)
    {
        var function = new RandomFunction(1, false, [], new UnaryCall(Unary.Sin, new Variable(0)), [new Point([0.3 + Math.PI * 1e-4, 0, 0], [])]);
        var entry = new FunctionEntry(
            0,
            function,
            (s, w) => Math.Sin(s[0]),
            (s, w, ds, dw) => { ds[0] = generatedScale * Math.Cos(s[0]); return Math.Sin(s[0]); },
            (s, w, seed, ds, dw) => ds[0] = (pullbackOverwrites ? 0 : ds[0]) + seed * pullbackScale * Math.Cos(s[0]),
            (s, w, ds, dw) => { ds[0] = Math.Cos(s[0]); return Math.Sin(s[0]); },
            FellBackToTape: false,
            (s, w, ts, tw) => jvpScale * Math.Cos(s[0]) * ts[0],
            (s, w, vs, vw, ds, dw, hs, hw) =>
            {
                ds[0] = Math.Cos(s[0]);
                hs[0] = -hvpScale * Math.Sin(s[0]) * vs[0]; // (sin)'' = -sin
                return Math.Sin(s[0]);
            });
        return FunctionChecker.Check(entry, new PropertyStats()).ToList();
    }
}
