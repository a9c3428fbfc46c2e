using AutoDiff.PropertyTests.Checking;
using AutoDiff.PropertyTests.Programs;
using CsCheck;
using Xunit.Abstractions;

namespace AutoDiff.PropertyTests;

/// <summary>
/// Random differentiable C# functions, compiled with the generator: the generated gradient must agree with the
/// runtime tape on the same program, with the generated pullback, and with finite differences. On failure CsCheck
/// shrinks the batch and the message shows the smallest failing function's source.
/// </summary>
public sealed class RandomProgramTests(ITestOutputHelper output)
{
    [Fact]
    public void StraightLineGradientsAgreeWithTapeAndFiniteDifferences() => Run(Features.StraightLine);

    [Fact]
    public void ControlFlowGradientsAgreeWithTapeAndFiniteDifferences() => Run(Features.ControlFlow);

    [Fact]
    public void SpanLoopGradientsAgreeWithTapeAndFiniteDifferences() => Run(Features.SpanLoops);

    [Fact]
    public void TapeFallbackGradientsAgreeWithTapeAndFiniteDifferences() => Run(Features.TapeFallback);

    [Fact]
    public void IntLocalGradientsAgreeWithTapeAndFiniteDifferences() => Run(Features.IntLocals);

    [Fact]
    public void WhileLoopGradientsAgreeWithTapeAndFiniteDifferences() => Run(Features.WhileLoops);

    [Fact]
    public void NestedLoopGradientsAgreeWithTapeAndFiniteDifferences() => Run(Features.NestedLoops);

    [Fact]
    public void ReusedIndexGradientsAgreeWithTapeAndFiniteDifferences() => Run(Features.ReusedIndices);

    [Fact]
    public void BoolFlagGradientsAgreeWithTapeAndFiniteDifferences() => Run(Features.BoolFlags);

    [Fact]
    public void ScratchBufferGradientsAgreeWithTapeAndFiniteDifferences() => Run(Features.ScratchBuffers);

    [Fact]
    public void LayeredBufferGradientsAgreeWithTapeAndFiniteDifferences() => Run(Features.LayeredBuffers);

    [Fact]
    public void DifferentiableCallGradientsAgreeWithTapeAndFiniteDifferences() => Run(Features.DifferentiableCalls);

    [Fact]
    public void PackedTriangleGradientsAgreeWithTapeAndFiniteDifferences() => Run(Features.PackedTriangles);

    /// <summary>The programs themselves are sound: they compile as plain C# and are finite at their points (no generator involved).</summary>
    [Theory]
    [InlineData(Features.StraightLine)]
    [InlineData(Features.ControlFlow)]
    [InlineData(Features.SpanLoops)]
    [InlineData(Features.TapeFallback)]
    [InlineData(Features.IntLocals)]
    [InlineData(Features.WhileLoops)]
    [InlineData(Features.NestedLoops)]
    [InlineData(Features.ReusedIndices)]
    [InlineData(Features.BoolFlags)]
    [InlineData(Features.ScratchBuffers)]
    [InlineData(Features.LayeredBuffers)]
    [InlineData(Features.DifferentiableCalls)]
    [InlineData(Features.PackedTriangles)]
    public void RandomProgramsCompileAndStayInsideTheirDomains(Features features)
    {
        var stats = new PropertyStats();
        ProgramGen.Batch(features, Budget.BatchSize).Sample(
            batch => BatchVerifier.Assert(batch, stats, withGenerator: false, withTape: false),
            iter: 2,
            print: batch => BatchVerifier.Describe(batch, withGenerator: false, withTape: false));
        Assert.Equal(2 * Budget.BatchSize, stats.Programs);
    }

    private void Run(Features features)
    {
        var stats = new PropertyStats();
        var started = DateTime.UtcNow;
        ProgramGen.Batch(features, Budget.BatchSize).Sample(
            batch => BatchVerifier.Assert(batch, stats),
            writeLine: output.WriteLine,
            iter: Budget.BatchesPerFamily,
            print: batch => BatchVerifier.Describe(batch));
        output.WriteLine($"{features}: {stats} in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
        Assert.Equal(Budget.BatchesPerFamily * Budget.BatchSize, stats.Programs);

        // Finite differences must check most derivatives, or the programs are too rough to prove anything.
        Assert.True(stats.FiniteDifferenceChecks >= stats.Derivatives / 2, stats.ToString());

        // Each program fell back to the tape exactly when the docs say so (checked per function): the fallback family
        // exists to exercise the generated tape path, so all of it must, and no other program may (a return from inside
        // a loop, about a fifth of the while-loop family, is differentiated statically).
        Assert.Equal(features == Features.TapeFallback ? stats.Programs : 0, stats.Fallbacks);

        // The scratch-buffer family exists to meet every way the generator restores a buffer: a good share of its programs
        // must take the slice per iteration, and a good share another way (an early exit, a read after the loop, a first
        // touch that is not a whole overwrite, a loop that runs twice).
        if (features == Features.ScratchBuffers)
        {
            Assert.InRange(stats.Slices, stats.Programs / 5, stats.Programs * 4 / 5);
        }
    }
}
