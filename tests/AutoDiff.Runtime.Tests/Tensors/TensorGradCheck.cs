using AutoDiff.Optim;

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

    public static void Check(Func<Tensor[], Tensor> f, params Tensor[] inputs)
    {
        foreach (var input in inputs)
        {
            input.RequiresGrad = true;
            input.ZeroGrad();
        }
        var output = f(inputs);
        var weights = Tensor.RandomNormal([.. output.Shape], seed: 12345);
        var loss = (output * weights).Sum();
        loss.Backward();

        for (int t = 0; t < inputs.Length; t++)
        {
            var analytic = inputs[t].Grad?.ToArray() ?? new double[inputs[t].Count];
            var data = ((IParameter)inputs[t]).Data;
            for (int i = 0; i < data.Length; i++)
            {
                double saved = data[i];
                data[i] = saved + H;
                double plus = Evaluate(f, inputs, weights);
                data[i] = saved - H;
                double minus = Evaluate(f, inputs, weights);
                data[i] = saved;
                double numeric = (plus - minus) / (2 * H);
                double error = Math.Abs(analytic[i] - numeric);
                Assert.True(error <= AbsoluteTolerance + RelativeTolerance * Math.Abs(numeric),
                    $"input {t} element {i}: autograd {analytic[i]:R}, finite difference {numeric:R} (error {error:E2})");
            }
        }
    }

    private static double Evaluate(Func<Tensor[], Tensor> f, Tensor[] inputs, Tensor weights)
    {
        using (Tensor.NoGrad())
            return (f(inputs) * weights).Sum().Item();
    }

    public static Tensor Random(int seed, params int[] shape) => Tensor.RandomNormal(shape, seed: seed);

    /// <summary>Values in [low, high): for ops defined only on part of the line (log, non-integer powers).</summary>
    public static Tensor Positive(int seed, params int[] shape) => Tensor.RandomUniform(shape, 0.5, 2.0, seed);
}
