using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// Generated gradients against the other engine: the same functions written by hand on the runtime tape
/// (<see cref="Value"/>), differentiated by <see cref="Value.Backward"/>.
/// </summary>
public class TapeComparisonTests
{
    private const double Tolerance = 1e-10;

    private static readonly Dictionary<string, Func<Value[], Value>> TapeVersions = new()
    {
        ["Rosenbrock"] = v => ((1 - v[0]) * (1 - v[0])) + (100 * (v[1] - (v[0] * v[0])) * (v[1] - (v[0] * v[0]))),
        ["Softplus"] = v => ValueMath.Log(1 + ValueMath.Exp(v[0])),
        ["Blend"] = v =>
        {
            var t = (v[0] * v[1]) + v[2];
            return (ValueMath.Sin(t) * t) + ValueMath.Exp(t / (1 + (v[2] * v[2])));
        },
        ["Chain"] = v =>
        {
            Value x = v[0], y = v[1];
            var t = x * y;
            t += ValueMath.Sin(x);
            t -= y / 3;
            t *= x;
            t /= 1 + (y * y);
            x = x * t;
            var u = t;
            return (u * u) + x;
        },
        ["Piecewise"] = v =>
        {
            if (v[0] < 0)
            {
                return v[0] * v[0] * v[1];
            }

            var t = ValueMath.Exp(v[0]);
            t = t > 3 ? t * v[1] : t - v[1];
            return t + v[1];
        },
        ["LogSumExp"] = v =>
        {
            var max = v.Aggregate(ValueMath.Max);
            return max + ValueMath.Log(v.Select(x => ValueMath.Exp(x - max)).Aggregate((a, b) => a + b));
        },
        ["Reserved"] = v =>
        {
            var scale = v[0];
            var h = new Value[] { 0, 0, 0 };
            Value acc = 0;
            for (var i = 1; i < v.Length; i++)
            {
                var e = ValueMath.Exp(scale * v[i]);
                for (var k = 0; k < 3; k++)
                {
                    h[k] = ValueMath.Tanh((h[k] * scale) + (v[i] * (k + 1)));
                }

                acc = (i - 1) % 2 == 0 ? (acc * 0.5) + (h[0] * e) : acc + (e * h[1]) + ValueMath.Exp(h[2] * v[i]);
            }

            return acc;
        },
        ["Horner"] = v =>
        {
            Value p = 0;
            for (var i = v.Length - 1; i >= 1; i--)
            {
                p = (p * v[0]) + v[i];
            }

            return p;
        },
        ["Loss"] = v =>
        {
            const int inputs = 3, hidden = 4;
            double[] xs = [0.5, -1.0, 2.0, 1.5, 0.3, -0.7, -0.2, 0.8, 1.1, 0.0, -1.3, 0.6];
            double[] ys = [1.0, -0.5, 0.25, 2.0];
            Value loss = 0;
            for (var n = 0; n < ys.Length; n++)
            {
                Value output = v[(hidden * inputs) + (2 * hidden)];
                for (var j = 0; j < hidden; j++)
                {
                    var a = v[(hidden * inputs) + j];
                    for (var i = 0; i < inputs; i++)
                    {
                        a += v[(j * inputs) + i] * xs[(n * inputs) + i];
                    }

                    output += v[(hidden * inputs) + hidden + j] * a.Tanh();
                }

                var error = output - ys[n];
                loss += error * error;
            }

            return loss / ys.Length;
        },
        ["Rotate"] = v =>
        {
            Value x = v[0], y = v[1];
            Value s = ValueMath.Sin(v[2]), c = ValueMath.Cos(v[2]);
            for (var k = 0; k < 3; k++)
            {
                (x, y) = ((c * x) - (s * y), (s * x) + (c * y));
                (x, y) = (y, x * 1.5);
            }

            return (x * x * y) + ValueMath.Exp(y);
        },
        ["Pairs"] = v =>
        {
            var ratio = (v[0] + v[1]) / (1 + (v[0] * v[1] * (v[0] * v[1])));
            return (ValueMath.Tanh(v[1]) * (ratio * v[0])) + ratio;
        },
        // Corpus.IntState: v[0] is the scalar s, the rest the span.
        ["WhileContinue"] = v =>
        {
            var x = v[1..];
            int i = 0, j = 0;
            Value acc = 0;
            while (i < x.Length)
            {
                if (x[i].Data > 0)
                {
                    j++;
                    i++;
                    continue;
                }

                acc += v[0] * x[j] * x[i];
                i++;
            }

            return acc;
        },
        ["DoSteps"] = v =>
        {
            var x = v[1..];
            int i = 0, k = 1;
            Value acc = 0;
            do
            {
                if (x[i].Data * v[0].Data > 0)
                {
                    k = (k * 2) % x.Length;
                    i++;
                    continue;
                }

                k += x[i].Data < -0.5 ? 2 : 1;
                acc += ValueMath.Sin(v[0] * x[k % x.Length]) * x[i];
                i++;
            }
            while (i < x.Length);
            return acc * v[0];
        },
        ["PlainArguments"] = v =>
        {
            // Weight(1) = 1/2, Weight(3) = 1/4, Weight(5) = 1/6; Wrap(12, 5) = 2 and Pair(2, 3) = 3/5.
            var r = v[0] * v[0] * 0.5;
            r += ValueMath.Sin(v[0] * v[1]) * 0.25;
            r *= v[1] / 6;
            return r + (v[0] * 0.6);
        },
        ["ReusedIndex"] = v =>
        {
            var x = v[1..];
            Value acc = 0;
            for (var i = 0; i < x.Length; i++)
            {
                acc += v[0] * x[(i + 1) % x.Length] / (i + 1.0);
            }

            for (var i = 0; i < x.Length; i++)
            {
                acc += v[0] * v[0] * ((i + 1.0) / (x.Length + 2.0)) * x[i];
            }

            return acc;
        },
        ["Flags"] = v =>
        {
            var x = v[1..];
            var flag = false;
            var m = 0;
            Value acc = 0;
            for (var i = 0; i < x.Length; i++)
            {
                flag = !flag;
                if (x[i].Data > 0.3)
                {
                    flag = !flag;
                    m = (m + 3) % x.Length;
                }

                acc += flag ? v[0] * x[m] * x[i] : ValueMath.Exp(v[0] * x[i]) / (m + 1.0);
            }

            return acc;
        },
        ["SelfMixing"] = v =>
        {
            var n = v.Length;
            var x = Enumerable.Range(0, n).Select(i => ValueMath.Sin(v[i]) + (0.1 * i)).ToArray();
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    x[j] = (0.9 * x[j]) + (v[j] * x[i]);
                }
            }

            return Enumerable.Range(0, n).Select(i => x[i] * (i + 1)).Aggregate((a, b) => a + b);
        },
        ["CholeskyLogDet"] = v =>
        {
            // log det(B Bᵀ + I) = 2 Σ log L_jj, with L from the textbook Cholesky into a separate array (not in place).
            const int n = 3;
            var a = new Value[n, n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    Value s = i == j ? 1.0 : 0.0;
                    for (var k = 0; k <= Math.Min(i, j); k++)
                    {
                        s += v[(i * (i + 1) / 2) + k] * v[(j * (j + 1) / 2) + k];
                    }

                    a[i, j] = s;
                }
            }

            Value logDet = 0;
            var l = new Value[n, n];
            for (var j = 0; j < n; j++)
            {
                var d = a[j, j];
                for (var k = 0; k < j; k++)
                {
                    d -= l[j, k] * l[j, k];
                }

                l[j, j] = ValueMath.Sqrt(d);
                logDet += 2 * ValueMath.Log(l[j, j]);
                for (var i = j + 1; i < n; i++)
                {
                    var s = a[i, j];
                    for (var k = 0; k < j; k++)
                    {
                        s -= l[i, k] * l[j, k];
                    }

                    l[i, j] = s / l[j, j];
                }
            }

            return logDet;
        },
        ["Recurrent"] = v =>
        {
            Value h0 = 0, h1 = 0;
            for (var t = 0; t < 5; t++)
            {
                var x = Math.Cos(0.9 * t);
                var n0 = ValueMath.Tanh((v[6] * x) + v[8] + (v[0] * h0) + (v[1] * h1));
                var n1 = ValueMath.Tanh((v[7] * x) + v[9] + (v[2] * h0) + (v[3] * h1));
                (h0, h1) = (n0, n1);
            }

            return (h0 * v[4]) + (h1 * v[5]);
        },
        ["Pendulum"] = v =>
        {
            Value angle = v[2], velocity = v[3];
            for (var step = 0; step < 12; step++)
            {
                var acceleration = (-v[0] * velocity) - (v[1] * ValueMath.Sin(angle));
                angle += 0.1 * velocity;
                velocity += 0.1 * acceleration;
            }

            return (angle * angle) + velocity;
        },
        ["RecomputeFromChangingBuffer"] = v =>
        {
            var u = v.ToArray();
            Value s = 0;
            for (var step = 0; step < 3; step++)
            {
                var t = u.Select((ui, i) => ValueMath.Tanh(ui * v[i])).ToArray();
                for (var i = 0; i < t.Length; i++)
                {
                    s += t[i] * t[i] * (step + 1);
                    u[i] += 0.5 * t[i];
                }
            }

            return s;
        },
        ["SortedWeights"] = v =>
        {
            var sorted = v.OrderBy(x => x.Data).ToArray();
            return Enumerable.Range(0, sorted.Length).Select(i => (i + 1) * sorted[i] * sorted[i]).Aggregate((a, b) => a + b);
        },
    };

    [Theory]
    [InlineData("Rosenbrock", "Corpus.Functions", "Rosenbrock", 2)]
    [InlineData("Softplus", "Corpus.Activations", "Softplus", 1)]
    [InlineData("SharedSubexpression", "Corpus.Shared", "Blend", 3)]
    [InlineData("Reassignment", "Corpus.Updates", "Chain", 2)]
    [InlineData("Branches", "Corpus.Branches", "Piecewise", 2)]
    [InlineData("Loops", "Corpus.Loops", "LogSumExp", 6)]
    [InlineData("Loops", "Corpus.Loops", "Horner", 7)]
    [InlineData("Loops", "Corpus.Loops", "Reserved", 6)]
    [InlineData("Mlp", "Corpus.Mlp", "Loss", 21)]
    [InlineData("Tuples", "Corpus.Tuples", "Rotate", 3)]
    [InlineData("Tuples", "Corpus.Tuples", "Pairs", 2)]
    [InlineData("IntState", "Corpus.IntState", "WhileContinue", 7)]
    [InlineData("IntState", "Corpus.IntState", "DoSteps", 7)]
    [InlineData("IntState", "Corpus.IntState", "PlainArguments", 2)]
    [InlineData("IntState", "Corpus.IntState", "ReusedIndex", 6)]
    [InlineData("IntState", "Corpus.IntState", "Flags", 7)]
    [InlineData("LoopHazards", "Corpus.LoopHazards", "SelfMixing", 4)]
    [InlineData("LoopHazards", "Corpus.LoopHazards", "RecomputeFromChangingBuffer", 4)]
    [InlineData("UserLoops", "Corpus.UserLoops", "CholeskyLogDet", 6)]
    [InlineData("UserLoops", "Corpus.UserLoops", "Recurrent", 10)]
    [InlineData("UserLoops", "Corpus.UserLoops", "Pendulum", 4)]
    [InlineData("UserLoops", "Corpus.UserLoops", "SortedWeights", 5)]
    public void Generated_gradient_equals_the_tape_gradient(string file, string type, string method, int dimension)
    {
        var probe = new GradientProbe(CorpusFiles.Load(file), type, method);
        var random = new Random(5);
        for (var n = 0; n < 25; n++)
        {
            var point = Enumerable.Range(0, dimension).Select(_ => (random.NextDouble() * 3) - 1.5).ToArray();
            var (value, gradient) = probe.WithGradient(point);
            var leaves = point.Select(p => new Value(p)).ToArray();
            var output = TapeVersions[method](leaves);
            output.Backward();
            Assert.Equal(output.Data, value, 1e-12 * Math.Max(1, Math.Abs(value)));
            for (var i = 0; i < dimension; i++)
            {
                var error = FiniteDifferences.RelativeError(gradient[i], leaves[i].Grad);
                Assert.True(error <= Tolerance, $"{method} d/dx{i}: generated {gradient[i]:R}, tape {leaves[i].Grad:R}");
            }
        }
    }
}
