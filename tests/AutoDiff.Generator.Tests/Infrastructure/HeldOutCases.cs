namespace AutoDiff.Generator.Tests.Infrastructure;

/// <summary>
/// The statically differentiated functions of the corpora written as user code (<c>ControlFlow</c>,
/// <c>IntsAndHelpers</c>, <c>Models</c>, <c>BitsAndSearch</c>, <c>Exits</c>, <c>Predicates</c>, <c>Switches</c> and <c>Throws</c>,
/// written as held-out code; <c>Tables</c>, <c>SpanCalls</c>, <c>Views</c>, <c>UserLoops.ReadBackUnits</c>), each
/// with its dimension and the box its points
/// are drawn from, stated once for the three theories that check them: <see cref="GradientTests"/>,
/// <see cref="PushforwardTests"/> and <see cref="SecondOrderTests"/> (all of them are <c>Derivatives.All</c>).
/// </summary>
internal static class HeldOutCases
{
    private static readonly (string File, string Method, int Dimension, double Low, double High)[] All =
    [
        ("ControlFlow", "StrideByBranch", 6, -1, 1.5),
        ("ControlFlow", "PairSwap", 6, -1, 1.5),
        ("ControlFlow", "SelfReadingUpdate", 6, -1, 1.5),
        ("ControlFlow", "DoUntilSum", 6, -1, 1.5),
        ("ControlFlow", "HelperModeFlips", 6, -1, 1.5),
        ("ControlFlow", "SkippedPairs", 6, -1, 1.5),
        ("ControlFlow", "ArgMaxNeighbour", 6, -1, 1.5),
        ("ControlFlow", "RootDegreeCounter", 6, -1, 1.5),
        ("ControlFlow", "FloorBins", 6, -1.2, 1.8), // the bins' edges at -1.2 + 0.75·m, all four bins reached
        ("ControlFlow", "InterleavedRounds", 6, -1, 1.5),
        ("ControlFlow", "ShrinkingBound", 6, -1, 1.5),
        ("ControlFlow", "BreakByFlag", 6, -1, 1.5),
        ("ControlFlow", "NewtonCubeRoots", 6, -1, 1.5),
        ("ControlFlow", "SignTimesSquare", 6, -1, 1.5),
        ("ControlFlow", "CompoundByPosition", 6, -1, 1.5),
        ("ControlFlow", "BackwardCarry", 6, -1, 1.5),
        ("ControlFlow", "DoubleCounter", 2, -1, 1.5), // reads x[0] and x[1] only
        ("ControlFlow", "ForeachMean", 6, -1, 1.5),
        ("IntsAndHelpers", "WrappedWalk", 6, -1.2, 1.8),
        ("IntsAndHelpers", "BranchBound", 6, -1.2, 1.8),
        ("IntsAndHelpers", "ClampedBins", 6, -1.2, 1.8), // 2x + 1 from -1.4 to 4.6: every bin, both clamps
        ("IntsAndHelpers", "NestedHelpers", 6, -1.2, 1.8),
        ("IntsAndHelpers", "DataStep", 6, -1.2, 1.8),
        ("IntsAndHelpers", "Rotate", 6, -1.2, 1.8),
        ("IntsAndHelpers", "PrefixInPlace", 6, -1.2, 1.8),
        ("IntsAndHelpers", "BubbleSorted", 6, -1.2, 1.8),
        ("IntsAndHelpers", "SoftmaxCrossEntropy", 6, -1.2, 1.8),
        ("IntsAndHelpers", "LeakyCount", 6, -1.2, 1.8),
        ("IntsAndHelpers", "HornerReversed", 6, -1.2, 1.8),
        ("IntsAndHelpers", "WhileHelper", 6, -1.2, 1.8),
        ("IntsAndHelpers", "CollidingWrites", 6, -1.2, 1.8),
        ("Tables", "GaussLegendre", 5, -1, 1.5), // (a, b, c, lower, upper); c > -1 keeps exp(-c t²) moderate
        ("Tables", "RungeKutta", 3, -1, 1.5),
        ("Tables", "Permuted", 6, -1, 1.5),
        ("Tables", "ForeachTable", 6, -1, 1.5),
        ("Tables", "MatVec", 6, -1, 1.5),
        ("SpanCalls", "CopyClearFill", 6, -1, 1.5),
        ("SpanCalls", "Smoothing", 6, -1, 1.5),
        ("SpanCalls", "PaddedCopy", 4, -1, 1.5),
        ("SpanCalls", "ListedBuffers", 6, -1, 1.5),
        ("SpanCalls", "ToArrayCopies", 6, -1, 1.5),
        ("SpanCalls", "InlineViews", 6, -1, 1.5),
        ("SpanCalls", "SmallOnStack", 6, -1, 1.5),
        ("SpanCalls", "ParameterAsSpan", 6, -1, 1.5),
        ("Views", "Rows", 6, -1, 1.5),
        ("Views", "Ranges", 6, -1, 1.5),
        ("Views", "Neurons", 12, -1, 1.5), // three neurons of three inputs and a bias
        ("UserLoops", "ReadBackUnits", 6, -1, 1.5),
        ("Views", "FromTheEnd", 6, -1, 1.5),
        ("Views", "ArrayBuffer", 6, -1, 1.5),
        ("Views", "LayerThroughHelper", 13, -1, 1.5), // three units of two inputs, one of three
        ("Views", "ArrayViewsThroughHelpers", 7, -1, 1.5),
        ("Views", "WritableViews", 6, -1, 1.5),
        ("Views", "WholeAliases", 6, -1, 1.5),
        ("Models", "FftPower", 8, -1, 1.5),
        ("Models", "ThomasSolve", 6, -1, 1.5),
        ("Models", "Recurrent", 8, -1, 1.5), // four recurrent weights, four time steps
        ("Models", "Attention", 10, -1, 1.5), // four tokens of two features, then the query
        ("Models", "PaddedConvolution", 8, -1, 1.5), // a kernel of three, a signal of five
        ("Models", "LayerNorm", 6, -1, 1.5),
        ("Models", "OnlineLogSumExp", 6, -1, 1.5),
        ("Models", "WelfordVariance", 6, -1, 1.5),
        ("Models", "TrimmedMean", 6, -1, 1.5),
        ("Models", "Interpolate", 8, -1, 1.5),
        ("Models", "GaussSeidel", 5, -1, 1.5),
        ("Models", "StateMachine", 6, -1, 1.5),
        ("Models", "MaxPool", 6, -1, 1.5),
        ("Models", "DataTripCount", 6, -1, 1.5),
        ("Models", "MixtureLogLikelihood", 8, -1, 1.5), // two means of two, then each component's two log-scales
        ("BitsAndSearch", "SubsetProducts", 6, -1, 1.5),
        ("BitsAndSearch", "GrayWalk", 6, -1, 1.5),
        ("BitsAndSearch", "RollingHash", 6, -1, 1.5),
        ("BitsAndSearch", "BinarySearch", 6, -1, 1.5),
        ("BitsAndSearch", "Flags", 6, -1, 1.5),
        ("BitsAndSearch", "SignsAndBuckets", 6, -1, 1.5),
        ("BitsAndSearch", "HelperSteps", 6, -1, 1.5),
        ("BitsAndSearch", "CountedStride", 6, -1, 1.5),
        ("Exits", "ReturnFromLoop", 6, -1, 1.5),
        ("Exits", "NestedExits", 6, -1, 1.5),
        ("Exits", "NewtonUntilConverged", 6, -1, 1.5),
        ("Exits", "MatrixPower", 6, -1, 1.5),
        ("Exits", "Clenshaw", 6, -1, 1.5),
        ("Exits", "SoftHistogram", 6, -1, 1.5),
        ("Exits", "PingPong", 6, -1, 1.5),
        ("Exits", "EitherBuffer", 6, -1, 1.5),
        ("Exits", "ProductPastLevel", 6, -1, 1.5),
        ("Exits", "WhileTrueExits", 6, -1, 1.5),
        ("Exits", "PartialJumps", 6, -1, 1.5),
        ("Exits", "Combined", 6, -1, 1.5),
        ("Predicates", "Buckets", 6, -1, 1.5),
        ("Predicates", "RangeAndArgMax", 6, -1, 1.5),
        ("Predicates", "Guards", 6, -1, 1.5),
        ("Predicates", "Patterns", 6, -1, 1.5),
        ("Predicates", "Steps", 6, -1, 1.5),
        ("Predicates", "SteppingWhile", 6, -1, 1.5),
        ("Switches", "PatternSections", 6, -1, 1.5),
        ("Switches", "Activations", 6, -1, 1.5),
        ("Switches", "ReturnFromSection", 6, -1, 1.5),
        ("Throws", "CheckedPairs", 6, -1, 1.5),
        ("Throws", "LogBarrier", 6, -1, 1.5),
        ("Throws", "ModeSwitch", 6, -1, 1.5),
        ("Throws", "ModeExpressions", 6, -1, 1.5),
        ("Throws", "ElseIfThrows", 6, -1, 1.5),
        ("Throws", "SearchOrThrow", 6, -1, 1.5),
        ("Throws", "GuardCalls", 6, -1, 1.5),
    ];

    /// <summary><paramref name="cases"/> with a row (file, type, method, dimension, low, high) for each function.</summary>
    public static TheoryData<string, string, string, int, double, double> AddFileRows(TheoryData<string, string, string, int, double, double> cases)
    {
        foreach (var (file, method, dimension, low, high) in All)
        {
            cases.Add(file, "Corpus." + file, method, dimension, low, high);
        }

        return cases;
    }

    /// <summary><paramref name="cases"/> with a row ("File.Method", dimension, low, high) for each function (see <see cref="CorpusFiles.Resolve"/>).</summary>
    public static TheoryData<string, int, double, double> AddQualifiedRows(TheoryData<string, int, double, double> cases)
    {
        foreach (var (file, method, dimension, low, high) in All)
        {
            cases.Add(file + "." + method, dimension, low, high);
        }

        return cases;
    }
}
