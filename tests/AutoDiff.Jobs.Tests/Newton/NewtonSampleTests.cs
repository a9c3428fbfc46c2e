using AutoDiff.Samples.Newton.Model;
using AutoDiff.Samples.Newton.Optimization;

namespace AutoDiff.Jobs.Tests.Newton;

/// <summary>The Newton sample: its generated Hessian against the closed form, and both minimizers on its data.</summary>
public class NewtonSampleTests
{
    [Fact]
    public void Generated_Hessian_is_the_closed_form_of_logistic_regression()
    {
        var data = LogisticData.Generate(200, 4, seed: 3);
        var random = new Random(11);
        for (var trial = 0; trial < 5; trial++)
        {
            var w = Enumerable.Range(0, 4).Select(_ => random.NextDouble() - 0.5).ToArray();
            var gradient = new double[4];
            var hessian = new double[16];
            LogisticLoss.LossWithHessian(w, data.Features, data.Labels, gradient, hessian);

            // ∇ = Xᵀ(σ(Xw) − y)/n + λw and H = Xᵀ diag(σ(1 − σ)) X / n + λI, derived by hand.
            var expectedGradient = w.Select(x => LogisticLoss.Ridge * x).ToArray();
            var expectedHessian = new double[16];
            for (var j = 0; j < 4; j++)
            {
                expectedHessian[(j * 4) + j] = LogisticLoss.Ridge;
            }

            for (var i = 0; i < data.Count; i++)
            {
                var row = data.Features.AsSpan(i * 4, 4);
                double z = 0;
                for (var j = 0; j < 4; j++)
                {
                    z += row[j] * w[j];
                }

                var p = 1 / (1 + Math.Exp(-z));
                for (var a = 0; a < 4; a++)
                {
                    expectedGradient[a] += (p - data.Labels[i]) * row[a] / data.Count;
                    for (var b = 0; b < 4; b++)
                    {
                        expectedHessian[(a * 4) + b] += p * (1 - p) * row[a] * row[b] / data.Count;
                    }
                }
            }

            for (var k = 0; k < 4; k++)
            {
                Assert.Equal(expectedGradient[k], gradient[k], 1e-12);
            }

            for (var k = 0; k < 16; k++)
            {
                Assert.Equal(expectedHessian[k], hessian[k], 1e-12);
            }
        }
    }

    [Fact]
    public void Newton_needs_a_few_iterations_where_gradient_descent_needs_many_and_both_find_the_same_minimum()
    {
        var data = LogisticData.Generate(1000, 6, seed: 7);
        var newton = Minimizers.Newton(data, 1e-6);
        var descent = Minimizers.GradientDescent(data, 1e-6);
        Assert.True(newton.Converged && descent.Converged);
        Assert.InRange(newton.Iterations, 1, 12);
        Assert.True(descent.Iterations > 3 * newton.Iterations, $"gradient descent took {descent.Iterations}, Newton {newton.Iterations}");
        Assert.Equal(newton.Loss, descent.Loss, 1e-9);
        for (var j = 0; j < data.Dimension; j++)
        {
            Assert.Equal(newton.Weights[j], descent.Weights[j], 1e-4);
        }
    }
}
