using AutoDiff.PropertyTests.Compiling;
using AutoDiff.PropertyTests.Programs;

namespace AutoDiff.PropertyTests.Checking;

/// <summary>A failing random function and every way it failed.</summary>
internal sealed record FunctionFailure(RandomFunction Function, IReadOnlyList<string> Problems)
{
    public override string ToString() =>
        Function.Render(0, Programs.Flavor.Double) + "\n" +
        string.Join("\n", Problems.Take(8).Select(p => "  - " + p)) + "\n";
}

/// <summary>Compiles a batch of random functions once and checks each; reports the failures.</summary>
internal static class BatchVerifier
{
    public static IReadOnlyList<FunctionFailure> Verify(IReadOnlyList<RandomFunction> batch, PropertyStats stats, bool withGenerator = true, bool withTape = true)
    {
        var failures = new List<FunctionFailure>();
        using (var compiled = CompiledBatch.Compile(batch, withGenerator, withTape))
        {
            stats.Batch();
            foreach (var (id, reason) in compiled.Rejected)
            {
                failures.Add(new FunctionFailure(batch[id], [reason]));
            }

            foreach (var entry in compiled.Entries)
            {
                stats.Program(entry.FellBackToTape, entry.IterationAdjoints, entry.Slices);
                var problems = FunctionChecker.Check(entry, stats).ToList();
                if (problems.Count > 0)
                {
                    failures.Add(new FunctionFailure(entry.Function, problems));
                }
            }
        }

        return failures;
    }

    /// <summary>Throws with the smallest failing function's source when any function of the batch fails.</summary>
    public static void Assert(IReadOnlyList<RandomFunction> batch, PropertyStats stats, bool withGenerator = true, bool withTape = true)
    {
        var failures = Verify(batch, stats, withGenerator, withTape);
        if (failures.Count > 0)
        {
            throw new GradientMismatchException("Smallest failing function in the batch:\n\n" + Smallest(failures) + $"\n({failures.Count} of {batch.Count} functions in this batch failed.)");
        }
    }

    /// <summary>
    /// What CsCheck prints for the shrunk batch: its smallest failing function, then that function cut down further by
    /// <see cref="Shrinks"/> (each round compiles up to one batch of one-step simplifications and keeps the smallest that still fails).
    /// </summary>
    public static string Describe(IReadOnlyList<RandomFunction> batch, bool withGenerator = true, bool withTape = true)
    {
        var failures = Verify(batch, new PropertyStats(), withGenerator, withTape);
        if (failures.Count == 0)
        {
            return $"a batch of {batch.Count} functions that passes when re-run";
        }

        var smallest = Smallest(failures);
        var minimal = smallest;
        for (var round = 0; round < MinimizeRounds; round++)
        {
            var candidates = Shrinks.Of(minimal.Function)
                .DistinctBy(f => f.ToString())
                .OrderBy(f => f.SourceLength)
                .Take(Budget.BatchSize)
                .ToList();
            var failing = candidates.Count == 0 ? [] : Verify(candidates, new PropertyStats(), withGenerator, withTape);
            if (failing.Count == 0)
            {
                break;
            }

            minimal = Smallest(failing);
        }

        return "Minimal failing function (cut down from the shrunk batch's smallest failure):\n\n" + minimal +
            "\nAs generated before cutting down:\n\n" + smallest;
    }

    private const int MinimizeRounds = 40;

    private static FunctionFailure Smallest(IEnumerable<FunctionFailure> failures) =>
        failures.MinBy(f => f.Function.SourceLength)!;
}

/// <summary>A random program's gradient disagrees with another engine or finite differences, or was rejected.</summary>
internal sealed class GradientMismatchException(string message) : Exception(message);
