using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// Which top-level loops run each iteration's adjoint right after the iteration (corpus <c>IndependentLoops</c>):
/// those whose iterations meet only through accumulators, and not those where an iteration reads what an earlier
/// one wrote, the code after the loop changes what it read, or the accumulator's adjoint is not known before the
/// loop. That the gradients are right either way, <see cref="GradientTests"/> checks against finite differences;
/// this checks the form, so a refusal that stops refusing (or a loop that stops qualifying) shows.
/// </summary>
public class IterationAdjointTests
{
    private const string Marker = "// Adjoint of this iteration";

    public static TheoryData<string, string, bool> Cases => new()
    {
        { "IndependentLoops", "Corpus.IndependentLoops.BatchLoss", true },
        { "IndependentLoops", "Corpus.IndependentLoops.ScaledSum", true },
        { "IndependentLoops", "Corpus.IndependentLoops.TwoAccumulators", true },
        { "IndependentLoops", "Corpus.IndependentLoops.FloatSum", true },
        { "IndependentLoops", "Corpus.IndependentLoops.WithCallsAndBranches", true },
        { "IndependentLoops", "Corpus.IndependentLoops.ClearedScratch", true },
        { "IndependentLoops", "Corpus.IndependentLoops.SharedGradientInBranch", true },
        { "IndependentLoops", "Corpus.IndependentLoops.Recurrence", false },
        { "IndependentLoops", "Corpus.IndependentLoops.BufferRecurrence", false },
        { "IndependentLoops", "Corpus.IndependentLoops.PartialCover", false },
        { "IndependentLoops", "Corpus.IndependentLoops.AccumulatorReadBefore", false },
        { "IndependentLoops", "Corpus.IndependentLoops.TailOverwrites", false },
        { "IndependentLoops", "Corpus.IndependentLoops.NonlinearReturn", false },
        { "IndependentLoops", "Corpus.IndependentLoops.FactorChangesLater", false },
        { "IndependentLoops", "Corpus.IndependentLoops.AccumulatorReadInside", false },
        { "IndependentLoops", "Corpus.IndependentLoops.BoundReadsBuffer", false },
        { "Loops", "Corpus.Loops.Dot", true },
        { "Mlp", "Corpus.Mlp.Loss", true },
        { "Gmm", "Corpus.Gmm.Objective", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Iterations_take_their_adjoint_along_only_when_independent(string corpus, string method, bool independent)
    {
        var source = Generated(corpus, method);
        var withGradient = source[..source.IndexOf("Pullback of", StringComparison.Ordinal)];
        Assert.Equal(independent, withGradient.Contains(Marker, StringComparison.Ordinal));
        if (independent)
        {
            Assert.Contains(Marker, source[source.IndexOf("Pullback of", StringComparison.Ordinal)..], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Accumulator_adjoint_is_the_returns_partial_derivative_written_before_the_loop()
    {
        var source = Generated("IndependentLoops", "Corpus.IndependentLoops.TwoAccumulators");
        var before = source[..source.IndexOf("a += e * v[i];", StringComparison.Ordinal)];
        Assert.Contains("double _da = 1.0 / v.Length;", before, StringComparison.Ordinal);
        Assert.Contains("double _db = ", before, StringComparison.Ordinal); // -3 · v[0], through the shared gradient of `3 * b * v[0]`
    }

    [Fact]
    public void Float_accumulator_takes_its_double_partial_derivative()
    {
        // d/dv_i of 1.1 · Σ v_j² / 2 is 1.1 · v_i, in float.
        var probe = new GradientProbe(CorpusFiles.Load("IndependentLoops"), "Corpus.IndependentLoops", "FloatSum");
        double[] point = [0.5, -1.25, 2.0, 0.75];
        var (_, gradient) = probe.WithGradient(point);
        for (var i = 0; i < point.Length; i++)
        {
            Assert.Equal(1.1 * point[i], gradient[i], 1e-6 * Math.Abs(point[i]));
        }
    }

    [Fact]
    public void Iteration_whose_accumulation_passes_nothing_back_skips_the_rest_of_its_adjoint()
    {
        // The hinge of a point whose margin is met adds nothing to _dscore: the rest of that point's adjoint would add
        // only zeros, so it is skipped. ReluLoss records nothing for it (each unit's output is stored once per point
        // and read back only by its own adjoint).
        var source = Generated("Mlp", "Corpus.Mlp.ReluLoss");
        var withGradient = source[..source.IndexOf("Pullback of", StringComparison.Ordinal)];
        Assert.Matches(@"(?s)loss \+= .*if \(_dscore != 0\)\s*\{", withGradient);
        Assert.DoesNotContain("_values", withGradient, StringComparison.Ordinal);

        // Where the point did record values for the rest of its adjoint, a skipped point drops them from the stack.
        var recording = Generated("IndependentLoops", "Corpus.IndependentLoops.ClearedScratch");
        recording = recording[..recording.IndexOf("Pullback of", StringComparison.Ordinal)];
        Assert.Matches(@"(?s)int (_mark\d+) = _values\.Count;.*if \(_dscratch\[at \+ 1\] != 0 [^\n]*\)\s*\{.*\}\s*else\s*\{\s*_values\.DropTo\(\1\);", recording);

        // Not in second order, where the rest also carries the tangents.
        var second = Generated("SecondOrder", "Corpus.Second.Mlp");
        var product = second[second.IndexOf("HessianVectorProduct(", StringComparison.Ordinal)..];
        Assert.DoesNotContain("DropTo", product, StringComparison.Ordinal);
    }

    [Fact]
    public void Locals_declared_in_an_independent_iteration_are_not_recorded()
    {
        // `z` and `r` are written once per point: the point's own adjoint reads them before the next point overwrites them.
        var source = Generated("IndependentLoops", "Corpus.IndependentLoops.BatchLoss");
        Assert.DoesNotContain("PushReserved(z)", source, StringComparison.Ordinal);
        Assert.DoesNotContain("PushReserved(r)", source, StringComparison.Ordinal);
    }

    private static string Generated(string corpus, string method)
    {
        var result = GeneratorHarness.Run(CorpusFiles.Source(corpus));
        return result.RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == method + ".g.cs").SourceText.ToString();
    }
}
