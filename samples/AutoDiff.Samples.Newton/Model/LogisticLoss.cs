namespace AutoDiff.Samples.Newton.Model;

/// <summary>
/// Logistic regression's training objective: the mean negative log-likelihood of labels in {0, 1} under
/// p = sigmoid(x·w), plus a small ridge term that keeps the Hessian positive definite. Marked for every derivative
/// kind, so the generator writes <c>LossWithGradient</c> for gradient descent and <c>LossWithHessian</c> for Newton.
/// </summary>
public static partial class LogisticLoss
{
    /// <summary>The ridge strength λ in λ/2·|w|².</summary>
    public const double Ridge = 1e-3;

    /// <param name="w">One weight per feature (a constant-1 feature makes the bias).</param>
    /// <param name="features">n rows of <c>w.Length</c> features, row-major.</param>
    /// <param name="labels">n labels, each 0 or 1.</param>
    [Differentiable(Derivatives.Hessian)]
    public static double Loss(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> features, [NoDerivative] ReadOnlySpan<double> labels)
    {
        int d = w.Length;
        double sum = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            double z = 0;
            for (int j = 0; j < d; j++)
            {
                z += features[i * d + j] * w[j];
            }

            // log(1 + e^z) - y·z, written so that e^z never overflows.
            sum += Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - labels[i] * z;
        }

        double squares = 0;
        for (int j = 0; j < d; j++)
        {
            squares += w[j] * w[j];
        }

        return sum / labels.Length + 0.5 * 1e-3 * squares;
    }
}
