using AutoDiff.PropertyTests.Checking;
using AutoDiff.PropertyTests.Fuzz;
using CsCheck;
using Xunit.Abstractions;

namespace AutoDiff.PropertyTests;

/// <summary>
/// Mutated valid sources (tokens deleted, duplicated, swapped, types changed, unsupported statements inserted, truncated)
/// run through the generator driver: it must never throw, and every rejection must be a located diagnostic.
/// </summary>
public sealed class GeneratorFuzzTests(ITestOutputHelper output)
{
    // Type changes and inserted statements often leave valid C#, which reaches the strictest checks; weight them up.
    private static readonly Gen<MutationKind> Kinds = Gen.Frequency(
        (3, Gen.Const(MutationKind.ChangeType)),
        (4, Gen.Const(MutationKind.InsertStatement)),
        (1, Gen.Const(MutationKind.DeleteToken)),
        (1, Gen.Const(MutationKind.DuplicateToken)),
        (1, Gen.Const(MutationKind.SwapTokens)),
        (1, Gen.Const(MutationKind.InsertToken)),
        (1, Gen.Const(MutationKind.Truncate)));

    private static readonly Gen<(int Source, Mutation[] Mutations)> Mutants = Gen.Select(
        Gen.Int[0, FuzzCorpus.Sources.Count - 1],
        Gen.Select(Kinds, Gen.Int[0, 100_000], Gen.Int[0, 1000], (k, p, c) => new Mutation(k, p, c)).Array[1, 3]);

    [Fact]
    public void GeneratorNeverThrowsAndEveryRejectionIsALocatedDiagnostic()
    {
        long checkedSources = 0, validSources = 0;
        Mutants.Sample(
            mutant =>
            {
                var source = Apply(mutant);
                var found = GeneratorOracle.Check(source, out var valid, out _);
                var problems = found.ToList();

                Interlocked.Increment(ref checkedSources);
                if (valid)
                {
                    Interlocked.Increment(ref validSources);
                }

                if (problems.Count > 0)
                {
                    throw new InvalidOperationException(string.Join("\n", problems) + "\n\nMutated source:\n" + source);
                }
            },
            writeLine: output.WriteLine,
            iter: Budget.FuzzSources,
            print: mutant => $"corpus source {mutant.Source} with {string.Join(", ", mutant.Mutations.AsEnumerable())}:\n{Apply(mutant)}");

        output.WriteLine($"{checkedSources} mutated sources from a corpus of {FuzzCorpus.Sources.Count}; {validSources} of them still valid C#");
        Assert.Equal(Budget.FuzzSources, checkedSources);
    }

    /// <summary>The corpus itself is valid and accepted, so the fuzzer starts from sources the generator handles.</summary>
    [Fact]
    public void EveryCorpusSourceCompilesWithItsGeneratedCode()
    {
        foreach (var source in FuzzCorpus.Sources)
        {
            var problems = GeneratorOracle.Check(source, out _, out var compiles);
            Assert.True(compiles, "corpus source does not compile with its generated code:\n" + source);
            Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + source);
        }
    }

    /// <summary>
    /// A broken source on which the compiler itself throws (Roslyn 4.14, fuzz seed <c>0OErokseN137</c>) counts as
    /// invalid C#, not as a generator failure: the crash is in binding the user's own method, with no generated code.
    /// </summary>
    [Fact]
    public void ASourceThatCrashesTheCompilerCountsAsInvalid()
    {
        const string source = """
            using System;
            using AutoDiff;

            public static partial class C
            {
                [Differentiable]
                public static double Square(double x) => x * x;

                public static (float X, float Y) Polar(float r, float t) => (r, t);

                public static void Broken(double[] p, double[] result) => (result[0],  => result[1]) = Polar((float)p[0], (float)p[1]);
            }
            """;
        var input = Compiling.TestCompilation.Create("Crash", [Compiling.TestCompilation.Parse(source, GeneratorOracle.Path)]);
        Assert.ThrowsAny<InvalidOperationException>(() => input.GetDiagnostics());

        var problems = GeneratorOracle.Check(source, out var inputCompiles, out var outputCompiles);

        Assert.Empty(problems);
        Assert.False(inputCompiles);
        Assert.False(outputCompiles);
    }

    private static string Apply((int Source, Mutation[] Mutations) mutant) =>
        mutant.Mutations.Aggregate(FuzzCorpus.Sources[mutant.Source], (source, mutation) => mutation.Apply(source));
}
