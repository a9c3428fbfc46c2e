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
