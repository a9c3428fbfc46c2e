namespace AutoDiff.Benchmarks;

/// <summary>
/// Stops a GMM benchmark whose generated and hand-written gradients (or objectives) disagree beyond 1e-10,
/// relative: a fast wrong gradient is not a result.
/// </summary>
public static class GmmAgreement
{
    public const double Tolerance = 1e-10;

    /// <summary>Checks the instance and returns a gradient buffer for the benchmarks to write into.</summary>
    public static GmmGradient Require(GmmInput input)
    {
        var generated = new GmmGradient(input);
        var handWritten = new GmmGradient(input);
        double objective = input.Objective();
        double generatedValue = input.GeneratedGradient(generated);
        double handWrittenValue = input.HandWrittenGradient(handWritten);
        string size = $"GMM d = {input.D}, K = {input.K}, N = {input.N}";
        RequireClose(size + ": the generated gradient's value", generatedValue, objective);
        RequireClose(size + ": the hand-written gradient's value", handWrittenValue, objective);
        var g = generated.Flatten();
        var h = handWritten.Flatten();
        for (int i = 0; i < g.Length; i++)
        {
            RequireClose($"{size}: gradient[{i}] generated vs hand-written", g[i], h[i]);
        }

        return generated;
    }

    public static double RelativeDifference(double actual, double expected) =>
        Math.Abs(actual - expected) / Math.Max(1, Math.Abs(expected));

    private static void RequireClose(string what, double actual, double expected)
    {
        if (!(RelativeDifference(actual, expected) <= Tolerance))
        {
            throw new InvalidOperationException($"{what}: {actual:R} but expected {expected:R}.");
        }
    }
}
