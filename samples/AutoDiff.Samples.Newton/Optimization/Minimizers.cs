using AutoDiff.Samples.Newton.Model;
using MathNet.Numerics.LinearAlgebra;

namespace AutoDiff.Samples.Newton.Optimization;

/// <summary>Where a minimizer stopped: the weights, the loss, the gradient's norm there, and how many iterations it took.</summary>
public sealed record MinimizerResult(string Method, double[] Weights, double Loss, double GradientNorm, int Iterations, bool Converged);

/// <summary>Newton's method on <c>LossWithHessian</c>, and gradient descent on <c>LossWithGradient</c>, from the same start to the same tolerance.</summary>
public static class Minimizers
{
    /// <summary>
    /// w ← w − t·H⁻¹g, with H and g from one generated call. The full step (t = 1) is taken whenever it lowers the
    /// loss enough, which it does near the minimum, where convergence is quadratic; farther out the step is halved
    /// until it does (a Newton step from far away can overshoot on a nearly separable data set).
    /// </summary>
    public static MinimizerResult Newton(LogisticData data, double tolerance, int maxIterations = 100)
    {
        var d = data.Dimension;
        var w = new double[d];
        var gradient = new double[d];
        var hessian = new double[d * d];
        var trial = new double[d];
        for (var iteration = 0; ; iteration++)
        {
            var loss = LogisticLoss.LossWithHessian(w, data.Features, data.Labels, gradient, hessian);
            var norm = Norm(gradient);
            if (norm <= tolerance || iteration == maxIterations)
            {
                return new MinimizerResult("Newton (WithHessian)", w, loss, norm, iteration, norm <= tolerance);
            }

            // The Hessian is symmetric, so Math.NET's column-major reading of the row-major array is the same matrix.
            var direction = Matrix<double>.Build.Dense(d, d, hessian).Cholesky().Solve(Vector<double>.Build.Dense(gradient)).ToArray();
            var decrease = gradient.Zip(direction, (g, p) => g * p).Sum();
            LineSearch(data, w, direction, loss, decrease, 1.0, trial);
            trial.CopyTo(w, 0);
        }
    }

    /// <summary>w ← w − t·g with a backtracking (Armijo) line search: the step halves until the loss drops enough.</summary>
    public static MinimizerResult GradientDescent(LogisticData data, double tolerance, int maxIterations = 100_000)
    {
        var d = data.Dimension;
        var w = new double[d];
        var trial = new double[d];
        var gradient = new double[d];
        var step = 1.0;
        for (var iteration = 0; ; iteration++)
        {
            var loss = LogisticLoss.LossWithGradient(w, data.Features, data.Labels, gradient);
            var norm = Norm(gradient);
            if (norm <= tolerance || iteration == maxIterations)
            {
                return new MinimizerResult("gradient descent (WithGradient)", w, loss, norm, iteration, norm <= tolerance);
            }

            // Start from twice the last accepted step, so the search can grow it again.
            step = LineSearch(data, w, gradient, loss, norm * norm, 2 * step, trial);
            trial.CopyTo(w, 0);
        }
    }

    /// <summary>
    /// Backtracking (Armijo): the largest of t, t/2, t/4, … for which w − t·p lowers the loss by at least half of
    /// what its slope g·p promises; writes that point into <paramref name="trial"/> and returns the step.
    /// </summary>
    private static double LineSearch(LogisticData data, double[] w, double[] p, double loss, double decrease, double step, double[] trial)
    {
        while (true)
        {
            for (var j = 0; j < w.Length; j++)
            {
                trial[j] = w[j] - (step * p[j]);
            }

            if (LogisticLoss.Loss(trial, data.Features, data.Labels) <= loss - (0.5 * step * decrease) || step < 1e-12)
            {
                return step;
            }

            step /= 2;
        }
    }

    private static double Norm(double[] v) => Math.Sqrt(v.Sum(x => x * x));
}
