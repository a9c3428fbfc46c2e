using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// Every corpus function is generated, compiled and run; its gradient must match central finite differences
/// (with Richardson extrapolation) at many random points of its domain, and its pullback must add seed × gradient.
/// </summary>
public class GradientTests
{
    private const double Tolerance = 1e-7;
    private const int Points = 40;

    public static TheoryData<string, string, string, int, double, double> Cases => HeldOutCases.AddFileRows(new()
    {
        // corpus file, type, method, dimension, domain low, domain high
        { "Rosenbrock", "Corpus.Functions", "Rosenbrock", 2, -2, 2 },
        { "Softplus", "Corpus.Activations", "Softplus", 1, -5, 5 },
        { "SharedSubexpression", "Corpus.Shared", "Blend", 3, -1.5, 1.5 },
        { "Calls", "Corpus.Layers", "Square", 1, -3, 3 },
        { "Calls", "Corpus.Layers", "Energy", 2, -2, 2 },
        { "Calls", "Kernels", "Gauss", 2, -2, 2 },
        { "Reassignment", "Corpus.Updates", "Chain", 2, -2, 2 },
        { "MathFunctions", "Corpus.MathFns", "Sin", 1, -2, 2 },
        { "MathFunctions", "Corpus.MathFns", "Cos", 1, -2, 2 },
        { "MathFunctions", "Corpus.MathFns", "Tan", 1, -1.2, 1.2 },
        { "MathFunctions", "Corpus.MathFns", "Asin", 1, -0.9, 0.9 },
        { "MathFunctions", "Corpus.MathFns", "Acos", 1, -0.9, 0.9 },
        { "MathFunctions", "Corpus.MathFns", "Atan", 1, -2, 2 },
        { "MathFunctions", "Corpus.MathFns", "Atan2", 2, 0.2, 2 },
        { "MathFunctions", "Corpus.MathFns", "Sinh", 1, -3, 3 },
        { "MathFunctions", "Corpus.MathFns", "Cosh", 1, -3, 3 },
        { "MathFunctions", "Corpus.MathFns", "Asinh", 1, -3, 3 },
        { "MathFunctions", "Corpus.MathFns", "Acosh", 1, -3, 3 },
        { "MathFunctions", "Corpus.MathFns", "Atanh", 1, -1, 1 },
        { "MathFunctions", "Corpus.MathFns", "Tanh", 1, -3, 3 },
        { "MathFunctions", "Corpus.MathFns", "Exp", 1, -3, 3 },
        { "MathFunctions", "Corpus.MathFns", "Log", 1, 0.1, 5 },
        { "MathFunctions", "Corpus.MathFns", "LogBase", 2, 1.5, 5 },
        { "MathFunctions", "Corpus.MathFns", "Log10", 1, 0.1, 5 },
        { "MathFunctions", "Corpus.MathFns", "Log2", 1, 0.1, 5 },
        { "MathFunctions", "Corpus.MathFns", "Sqrt", 1, 0.1, 5 },
        { "MathFunctions", "Corpus.MathFns", "Cbrt", 1, 0.1, 5 },
        { "MathFunctions", "Corpus.MathFns", "Pow", 2, 0.5, 3 },
        { "MathFunctions", "Corpus.MathFns", "PowConstant", 1, 0.1, 3 },
        { "MathFunctions", "Corpus.MathFns", "Abs", 1, -3, 3 },
        { "MathFunctions", "Corpus.MathFns", "Max", 2, -3, 3 },
        { "MathFunctions", "Corpus.MathFns", "Min", 2, -3, 3 },
        { "MathFunctions", "Corpus.MathFns", "Clamp", 2, -3, 3 },
        { "MathFunctions", "Corpus.MathFns", "Floor", 1, 1.1, 1.9 },
        { "MathFunctions", "Corpus.MathFns", "Ceiling", 1, 1.1, 1.9 },
        { "MathFunctions", "Corpus.MathFns", "Round", 1, 1.6, 2.4 },
        { "MathFunctions", "Corpus.MathFns", "Truncate", 1, 1.1, 1.9 },
        { "MathFunctions", "Corpus.MathFns", "Sign", 1, 0.1, 2 },
        { "MathFunctions", "Corpus.MathFns", "Relu", 1, -2, 2 },
        { "MathFunctions", "Corpus.MathFns", "Hypot", 2, -2, 2 },
        { "MathFunctions", "Corpus.MathFns", "FusedMultiplyAdd", 2, -2, 2 },
        { "MathFunctions", "Corpus.MathFns", "CopySign", 2, -2, 2 },
        { "MathFunctions", "Corpus.MathFns", "ScaleB", 1, -2, 2 },
        { "MathFunctions", "Corpus.MathFns", "GenericMath", 2, 0.2, 2 },
        { "MathFunctions", "Corpus.MathFns", "RoundDigits", 1, 1.01, 1.09 },
        { "Branches", "Corpus.Branches", "Piecewise", 2, -2, 2 },
        { "Branches", "Corpus.Branches", "LeakyRelu", 1, -2, 2 },
        { "Branches", "Corpus.Branches", "Select", 2, 0.2, 2 },
        { "DerivativeOf", "Corpus.Custom", "StableSoftplus", 1, -5, 5 },
        { "DerivativeOf", "Corpus.Custom", "UsesBoth", 2, -2, 2 },
        { "Parameters", "Corpus.Parameters", "Mixed", 1, 0.5, 2 },
        { "Loops", "Corpus.Loops", "Dot", 8, -2, 2 },
        { "Loops", "Corpus.Loops", "LogSumExp", 5, -3, 3 },
        { "Loops", "Corpus.Loops", "Horner", 6, -1.5, 1.5 },
        { "Loops", "Corpus.Loops", "NewtonSqrt", 1, 0.5, 10 },
        { "Loops", "Corpus.Loops", "Mixed", 6, -0.6, 0.6 },
        { "Loops", "Corpus.Loops", "Reserved", 6, -1, 1 },
        { "Loops", "Corpus.Loops", "Layered", 5, -1, 1 },
        { "Tuples", "Corpus.Tuples", "Rotate", 3, -1, 1 },
        { "LocalFunctions", "Corpus.LocalFunctions", "Softplus", 2, -1.5, 1.5 },
        { "LocalFunctions", "Corpus.LocalFunctions", "InLoop", 6, -2, 2 },
        { "Tuples", "Corpus.Tuples", "Pairs", 2, -1.5, 1.5 },
        { "IntState", "Corpus.IntState", "WhileContinue", 7, -1.5, 1.5 },
        { "IntState", "Corpus.IntState", "DoSteps", 7, -1.5, 1.5 },
        { "IntState", "Corpus.IntState", "PlainArguments", 2, -1.5, 1.5 },
        { "IntState", "Corpus.IntState", "ReusedIndex", 6, -1.5, 1.5 },
        { "IntState", "Corpus.IntState", "Flags", 7, -1, 1 }, // narrower: sin(acc·v) oscillates fast once acc grows, beyond what finite differences resolve
        { "Mlp", "Corpus.Mlp", "Loss", 21, -1, 1 },
        { "Mlp", "Corpus.Mlp", "ReluLoss", 13, -1, 1 },
        { "Mlp", "Corpus.Mlp", "LayeredRelu", 25, -1, 1 },
        { "Gmm", "Corpus.Gmm", "Objective", 18, -1, 1 },
        { "IndependentLoops", "Corpus.IndependentLoops", "BatchLoss", 8, -1, 1 },
        { "IndependentLoops", "Corpus.IndependentLoops", "ScaledSum", 6, -1.5, 1.5 },
        { "IndependentLoops", "Corpus.IndependentLoops", "TwoAccumulators", 6, -1.5, 1.5 },
        { "IndependentLoops", "Corpus.IndependentLoops", "WithCallsAndBranches", 6, -1.5, 1.5 },
        { "IndependentLoops", "Corpus.IndependentLoops", "ClearedScratch", 4, -1.5, 1.5 },
        { "IndependentLoops", "Corpus.IndependentLoops", "TrianglePairs", 3, -1.5, 1.5 },
        { "IndependentLoops", "Corpus.IndependentLoops", "SharedGradientInBranch", 4, -1.5, 1.5 },
        { "IndependentLoops", "Corpus.IndependentLoops", "Recurrence", 6, -1.5, 1.5 },
        { "IndependentLoops", "Corpus.IndependentLoops", "BufferRecurrence", 5, -1, 1 },
        { "IndependentLoops", "Corpus.IndependentLoops", "PartialCover", 5, -1, 1 },
        { "IndependentLoops", "Corpus.IndependentLoops", "AccumulatorReadBefore", 6, -1.5, 1.5 },
        { "IndependentLoops", "Corpus.IndependentLoops", "TailOverwrites", 6, -1.5, 1.5 },
        { "IndependentLoops", "Corpus.IndependentLoops", "NonlinearReturn", 6, -1.5, 1.5 },
        { "IndependentLoops", "Corpus.IndependentLoops", "FactorChangesLater", 6, -1.5, 1.5 },
        { "IndependentLoops", "Corpus.IndependentLoops", "AccumulatorReadInside", 6, -1.5, 1.5 },
        { "IndependentLoops", "Corpus.IndependentLoops", "BoundReadsBuffer", 4, -1, 1 },
        { "BufferSums", "Corpus.BufferSums", "TriangularProduct", 6, -1, 1 },
        { "BufferSums", "Corpus.BufferSums", "ReadBetween", 6, -1, 1 },
        { "BufferSums", "Corpus.BufferSums", "PartlyOverwritten", 4, -1, 1 },
        { "IntSteps", "Corpus.IntSteps", "RunningOffset", 17, -1, 1 },
        { "IntSteps", "Corpus.IntSteps", "GrowingStride", 7, -1.5, 1.5 },
        { "EdgeCases", "Corpus.Edge.Outer+Inner", "Collide", 3, -1.5, 1.5 },
        { "UserLoops", "Corpus.UserLoops", "ConvolutionPool", 5, -1, 1 },
        { "UserLoops", "Corpus.UserLoops", "Recurrent", 10, -1, 1 },
        { "UserLoops", "Corpus.UserLoops", "SoftmaxCrossEntropy", 9, -1.5, 1.5 },
        { "UserLoops", "Corpus.UserLoops", "Attention", 14, -1, 1 },
        { "UserLoops", "Corpus.UserLoops", "Factorization", 10, -1, 1 },
        { "UserLoops", "Corpus.UserLoops", "Pendulum", 4, -1, 1 },
        { "UserLoops", "Corpus.UserLoops", "LayerNorm", 7, -1, 1 },
        { "UserLoops", "Corpus.UserLoops", "CholeskyLogDet", 6, -1, 1 },
        { "UserLoops", "Corpus.UserLoops", "BranchingStride", 6, -1, 1 },
        { "UserLoops", "Corpus.UserLoops", "SortedWeights", 5, -1, 1 },
        { "UserLoops", "Corpus.UserLoops", "InnerDescent", 3, -1, 1 },
        { "LoopHazards", "Corpus.LoopHazards", "SelfMixing", 4, -1, 1 },
        { "LoopHazards", "Corpus.LoopHazards", "RecomputeFromChangingBuffer", 4, -1, 1 },
        { "LoopHazards", "Corpus.LoopHazards", "MovingInputs", 20, -1, 1 },
        { "LoopHazards", "Corpus.LoopHazards", "DataStep", 5, -1, 1 },
        { "LoopHazards", "Corpus.LoopHazards", "SharedScratch", 6, -1, 1 },
        { "LoopHazards", "Corpus.LoopHazards", "UntilNegative", 5, -1, 1 },
        { "LoopHazards", "Corpus.LoopHazards", "HelperIndex", 9, -1, 1 },
        { "Fallback", "Corpus.Fallback", "Chebyshev", 1, -1, 1 },
        { "Fallback", "Corpus.Fallback", "WithLocalFunction", 2, -1.5, 1.5 },
        { "Switches", "Corpus.Switches", "Switch", 1, -2, 2 },
        { "Fallback", "Corpus.Fallback", "SumOfSquares", 5, -1, 1 },
        { "Fallback", "Corpus.Fallback", "SwitchOnMode", 6, -1, 1.5 },
        { "Fallback", "Corpus.Fallback", "SwitchOverViews", 6, -1, 1.5 },
        { "Fallback", "Corpus.Fallback", "SwitchOverSpanCalls", 6, -1, 1.5 },
        { "Fallback", "Corpus.Fallback", "SwitchOverArrays", 6, -1, 1.5 },
        { "Fallback", "Corpus.Fallback", "SwitchWithTests", 6, -1, 1.5 },
        { "Fallback", "Corpus.Fallback", "IntMathOnTape", 6, 0.2, 1.5 },
        { "Fallback", "Corpus.Fallback", "BufferAfterEarlyReturn", 5, -1, 1 },
        { "Fallback", "Corpus.Fallback", "FillOnTape", 4, -1, 1 },
        { "Fallback", "Corpus.Fallback", "StoresOnTape", 4, -1, 1 },
        { "Fallback", "Corpus.Fallback", "PureHelpersOnTape", 4, -1, 1 },
        { "Fallback", "Corpus.Fallback", "ShapesOnTape", 4, -1, 1 },
        { "Fallback", "Corpus.Fallback", "CollectionsOnTape", 4, -1, 1 },
        { "Fallback", "Corpus.Fallback", "ListOnly", 4, -1, 1 },
        { "Fallback", "Corpus.Fallback", "NamedTape", 1, -1, 1 },
        { "Fallback", "Corpus.Fallback", "WritesIntoParameter", 4, -1, 1 },
        { "Fallback", "Corpus.Fallback", "RankedOnTape", 5, -1, 1 },
        { "Fallback", "Corpus.Fallback", "CountsOnTape", 4, -1, 1 },
        { "Fallback", "Corpus.Fallback", "SpanMembersOnTape", 5, -1, 1 },
        { "Fallback", "Corpus.Fallback", "SwitchAndCastsOnTape", 5, -1, 1 },
        { "Fallback", "Corpus.Fallback", "RecursiveSlice", 6, -1, 1 },
    });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradient_matches_finite_differences(string file, string type, string method, int dimension, double low, double high)
    {
        var probe = new GradientProbe(CorpusFiles.Load(file), type, method);
        var random = new Random(StableSeed(type + "." + method));
        var worst = 0.0;
        for (var n = 0; n < Points; n++)
        {
            var point = Enumerable.Range(0, dimension).Select(_ => low + ((high - low) * random.NextDouble())).ToArray();
            if (NearKink(method, point) || probe.KinkDistance(point) < KinkMargin)
            {
                // Finite differences straddling a kink measure neither side's derivative.
                n--;
                continue;
            }

            var (value, gradient) = probe.WithGradient(point);
            Assert.Equal(probe.Value(point), value, 12);
            var expected = FiniteDifferences.Gradient(probe.Value, point);
            for (var i = 0; i < dimension; i++)
            {
                var error = FiniteDifferences.RelativeError(gradient[i], expected[i]);
                worst = Math.Max(worst, error);
                Assert.True(
                    error <= Tolerance,
                    $"{type}.{method} d/dx{i} at ({string.Join(", ", point)}): generated {gradient[i]:R}, finite differences {expected[i]:R}, relative error {error:E2}");
            }
        }
    }

    /// <summary>How close to a branch switch finite differences stop measuring either side (also <see cref="PushforwardTests"/>).</summary>
    internal const double KinkMargin = 0.01;

    /// <summary>Points where a piecewise-smooth corpus function switches piece; see each corpus function.</summary>
    private static bool NearKink(string method, double[] p) => method switch
    {
        "Abs" or "Relu" or "LeakyRelu" => Math.Abs(p[0]) < KinkMargin,
        "Max" or "Min" => Math.Abs(p[0] - p[1]) < KinkMargin,
        "Clamp" => Math.Abs(p[0] - p[1]) < KinkMargin || Math.Abs(p[0] - p[1] - 2) < KinkMargin,
        "Select" => Math.Abs((p[0] * p[1]) - 1) < KinkMargin,
        "Piecewise" => Math.Abs(p[0]) < KinkMargin || Math.Abs(p[0] - Math.Log(3)) < KinkMargin,
        "Mixed" => p.Skip(1).Any(v => Math.Abs(v) < KinkMargin),
        "CopySign" => Math.Abs((p[0] * p[0]) - 0.5) < KinkMargin || Math.Abs(p[1]) < KinkMargin,
        "GenericMath" => Math.Abs(p[0] - p[1]) < KinkMargin,
        _ => false,
    };

    private static int StableSeed(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c)) & 0x7FFFFFFF;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pullback_adds_seed_times_gradient(string file, string type, string method, int dimension, double low, double high)
    {
        var probe = new GradientProbe(CorpusFiles.Load(file), type, method);
        var random = new Random(7);
        var point = Enumerable.Range(0, dimension).Select(_ => low + ((high - low) * random.NextDouble())).ToArray();
        var (_, gradient) = probe.WithGradient(point);
        var start = Enumerable.Range(0, dimension).Select(i => 0.25 * i - 1).ToArray();
        var adjoints = (double[])start.Clone();
        const double seed = -1.75;
        probe.Pullback(point, seed, adjoints);
        for (var i = 0; i < dimension; i++)
        {
            Assert.Equal(start[i] + (seed * gradient[i]), adjoints[i], 1e-12 * Math.Max(1, Math.Abs(adjoints[i])));
        }
    }
}
