namespace AutoDiff.Generator.Tests.Infrastructure;

/// <summary>
/// The statically differentiated functions of corpus <c>ControlFlow</c>, each with its dimension and the box its
/// points are drawn from, stated once for the three theories that check them: <see cref="GradientTests"/>,
/// <see cref="PushforwardTests"/> and <see cref="SecondOrderTests"/> (all of them are <c>Derivatives.All</c>).
/// </summary>
internal static class ControlFlowCases
{
    private static readonly (string Method, int Dimension, double Low, double High)[] All =
    [
        ("StrideByBranch", 6, -1, 1.5),
        ("PairSwap", 6, -1, 1.5),
        ("SelfReadingUpdate", 6, -1, 1.5),
        ("DoUntilSum", 6, -1, 1.5),
        ("HelperModeFlips", 6, -1, 1.5),
        ("SkippedPairs", 6, -1, 1.5),
        ("ArgMaxNeighbour", 6, -1, 1.5),
        ("RootDegreeCounter", 6, -1, 1.5),
        ("FloorBins", 6, -1.2, 1.8), // the bins' edges at -1.2 + 0.75·m, all four bins reached
        ("InterleavedRounds", 6, -1, 1.5),
        ("ShrinkingBound", 6, -1, 1.5),
        ("BreakByFlag", 6, -1, 1.5),
        ("NewtonCubeRoots", 6, -1, 1.5),
        ("SignTimesSquare", 6, -1, 1.5),
        ("CompoundByPosition", 6, -1, 1.5),
        ("BackwardCarry", 6, -1, 1.5),
        ("DoubleCounter", 2, -1, 1.5), // reads x[0] and x[1] only
        ("ForeachMean", 6, -1, 1.5),
    ];

    /// <summary><paramref name="cases"/> with a row (file, type, method, dimension, low, high) for each function.</summary>
    public static TheoryData<string, string, string, int, double, double> AddFileRows(TheoryData<string, string, string, int, double, double> cases)
    {
        foreach (var (method, dimension, low, high) in All)
        {
            cases.Add("ControlFlow", "Corpus.ControlFlow", method, dimension, low, high);
        }

        return cases;
    }

    /// <summary><paramref name="cases"/> with a row ("ControlFlow.Method", dimension, low, high) for each function (see <see cref="CorpusFiles.Resolve"/>).</summary>
    public static TheoryData<string, int, double, double> AddQualifiedRows(TheoryData<string, int, double, double> cases)
    {
        foreach (var (method, dimension, low, high) in All)
        {
            cases.Add("ControlFlow." + method, dimension, low, high);
        }

        return cases;
    }
}
