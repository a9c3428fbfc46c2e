using System.Collections.Concurrent;
using AutoDiff.PropertyTests.Compiling;
using AutoDiff.PropertyTests.Programs;
using CsCheck;

namespace AutoDiff.PropertyTests;

/// <summary>
/// Eight threads computing generated gradients (of random programs with spans, loops and branches, whose generated code
/// may use pooled buffers) and building independent Value tapes get bit-for-bit the results of a sequential run.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Threads = 8;
    private const int Rounds = 5;

    [Fact]
    public void EightThreadsGetTheSequentialResults()
    {
        var functions = ProgramGen.Batch(Features.SpanLoops, 50).Single(_ => true, "0000oKnsm9X2");
        using var batch = CompiledBatch.Compile(functions);
        Assert.True(batch.Entries.Count >= functions.Length / 2, $"only {batch.Entries.Count} of {functions.Length} programs compiled: {string.Join("; ", batch.Rejected.Values.Take(3))}");

        var expected = batch.Entries.Select(Results).ToArray();
        var mismatches = new ConcurrentBag<string>();
        using var start = new Barrier(Threads);
        var workers = Enumerable.Range(0, Threads).Select(thread => new Thread(() =>
        {
            start.SignalAndWait();
            for (var round = 0; round < Rounds; round++)
            {
                // Each thread walks the programs from a different place, so different programs overlap in time.
                for (var k = 0; k < batch.Entries.Count; k++)
                {
                    var index = (k + thread * 7 + round) % batch.Entries.Count;
                    var actual = Results(batch.Entries[index]);
                    if (!actual.SequenceEqual(expected[index]))
                    {
                        mismatches.Add($"thread {thread}, round {round}: F{batch.Entries[index].Id} gave [{string.Join(", ", actual)}], sequential [{string.Join(", ", expected[index])}]\n{batch.Entries[index].Function}");
                    }
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => Assert.True(w.Join(TimeSpan.FromMinutes(5)), "a worker thread did not finish"));

        Assert.True(mismatches.IsEmpty, string.Join("\n", mismatches.Take(3)));
    }

    /// <summary>Value and gradient from the generated code and from the tape, at every point of the program.</summary>
    private static double[] Results(FunctionEntry entry)
    {
        var results = new List<double>();
        foreach (var point in entry.Function.Points)
        {
            var s = point.Scalars[..entry.Function.ScalarCount];
            var w = point.Span;
            foreach (var engine in new[] { entry.Generated!, entry.Tape! })
            {
                var ds = new double[s.Length];
                var dw = new double[w.Length];
                results.Add(engine(s, w, ds, dw));
                results.AddRange(ds);
                results.AddRange(dw);
            }
        }

        return [.. results];
    }
}
