namespace AutoDiff.Runtime.Tests.Tensors;

/// <summary>
/// Central finite differences against Tensor autograd. The function's output is contracted with a fixed
/// random tensor so that every output element gets its own seed, then each input element is nudged by ±h.
/// </summary>
internal static class TensorGradCheck
{
    private const double H = 1e-6;
    private const double AbsoluteTolerance = 1e-6;
    private const double RelativeTolerance = 1e-5;

    /// <summary>
    /// Float32 rounding on top of the finite-difference tolerance: 2¹¹·u with u = 2⁻²⁴ (≈ 1.2e-4), relative to 1 + |g|.
    /// A float gradient is a chain of a few ops (here at most about 10), each rounding a few ulp, through reductions of up
    /// to k ≈ 100 terms whose rounding is bounded by γₖ ≈ k·u of the summed magnitudes; with inputs and seeds of size ~1
    /// that magnitude is within a small factor of 1 + |g|, so (k + 10·few)·u·(1 + |g|) stays under 2¹¹·u·(1 + |g|).
    /// </summary>
    private static readonly double FloatRounding = Math.ScaleB(1.0, 11 - 24);

    /// <summary>Checks the double engine's gradient of <paramref name="c"/> against central differences of the same function.</summary>
    public static void Check(GradientCase<Tensor> c)
    {
        var inputs = c.Inputs();
        var analytic = Gradients(c.Function, inputs);
        CompareWithFiniteDifferences(c.Function, inputs, analytic, extraRelative: 0);
    }

    /// <summary>
    /// Checks the float engine's gradient of a case against central differences computed in double: the double
    /// engine runs the same function (<paramref name="reference"/>, the double instantiation of the case) at the float
    /// inputs widened exactly, so only float32 rounding separates the two.
    /// </summary>
    public static void Check(GradientCase<FloatTensor> c, GradientCase<Tensor> reference)
    {
        var floatInputs = c.Inputs();
        var analytic = Gradients(c.Function, floatInputs);
        var widened = floatInputs.Select(x => x.ToDouble()).ToArray();
        CompareWithFiniteDifferences(reference.Function, widened, analytic.Select(g => g.Select(v => (double)v).ToArray()).ToArray(), FloatRounding);
    }

    private static T[][] Gradients<TSelf, T>(Func<TSelf[], TSelf> f, TSelf[] inputs)
        where TSelf : TensorBase<TSelf, T>, ITensorFactory<TSelf, T>
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        foreach (var input in inputs) input.RequiresGrad = true;
        var output = f(inputs);
        var weights = TensorBase<TSelf, T>.RandomNormal([.. output.Shape], seed: 12345);
        (output * weights).Sum().Backward();
        return inputs.Select(x => x.Grad?.ToArray() ?? new T[x.Count]).ToArray();
    }

    private static double[][] Gradients(Func<Tensor[], Tensor> f, Tensor[] inputs) => Gradients<Tensor, double>(f, inputs);

    private static float[][] Gradients(Func<FloatTensor[], FloatTensor> f, FloatTensor[] inputs) => Gradients<FloatTensor, float>(f, inputs);

    private static void CompareWithFiniteDifferences(Func<Tensor[], Tensor> f, Tensor[] inputs, double[][] analytic, double extraRelative)
    {
        // The seed weights as the float engine saw them: drawn in double, rounded to float when the case is float.
        var weights = Tensor.RandomNormal([.. Evaluate(f, inputs).Shape], seed: 12345);
        if (extraRelative > 0) weights = weights.ToFloat().ToDouble();
        for (int t = 0; t < inputs.Length; t++)
        {
            var data = ((Optim.IParameter)inputs[t]).Data;
            for (int i = 0; i < data.Length; i++)
            {
                double saved = data[i];
                data[i] = saved + H;
                double plus = Contract(f, inputs, weights);
                data[i] = saved - H;
                double minus = Contract(f, inputs, weights);
                data[i] = saved;
                double numeric = (plus - minus) / (2 * H);
                double error = Math.Abs(analytic[t][i] - numeric);
                double tolerance = AbsoluteTolerance + RelativeTolerance * Math.Abs(numeric) + extraRelative * (1 + Math.Abs(numeric));
                Assert.True(error <= tolerance,
                    $"input {t} element {i}: autograd {analytic[t][i]:R}, finite difference {numeric:R} (error {error:E2}, tolerance {tolerance:E2})");
            }
        }
    }

    private static Tensor Evaluate(Func<Tensor[], Tensor> f, Tensor[] inputs)
    {
        using (Tensor.NoGrad()) return f(inputs);
    }

    private static double Contract(Func<Tensor[], Tensor> f, Tensor[] inputs, Tensor weights)
    {
        using (Tensor.NoGrad()) return (f(inputs) * weights).Sum().Item();
    }
}
