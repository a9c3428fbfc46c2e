namespace AutoDiff.Benchmarks;

/// <summary>Mean squared error of a 2-layer perceptron (tanh hidden layer, linear output) over a batch.</summary>
public static partial class GeneratedMlp
{
    public const int Inputs = 8;
    public const int Hidden = 16;
    public const int ParameterCount = (Hidden * Inputs) + (2 * Hidden) + 1;

    // Packed parameters: W1 (Hidden × Inputs), b1 (Hidden), w2 (Hidden), b2. Every kind: DerivativeKindBenchmarks
    // times its pushforward and Hessian-vector product too.
    [Differentiable(Derivatives.Hessian)]
    public static double Loss(ReadOnlySpan<double> parameters, [NoDerivative] ReadOnlySpan<double> xs, [NoDerivative] ReadOnlySpan<double> ys)
    {
        Span<double> hidden = stackalloc double[Hidden];
        double loss = 0;
        for (int n = 0; n < ys.Length; n++)
        {
            for (int j = 0; j < Hidden; j++)
            {
                double a = parameters[Hidden * Inputs + j];
                for (int i = 0; i < Inputs; i++)
                {
                    a += parameters[j * Inputs + i] * xs[n * Inputs + i];
                }

                hidden[j] = Math.Tanh(a);
            }

            double output = parameters[Hidden * Inputs + 2 * Hidden];
            for (int j = 0; j < Hidden; j++)
            {
                output += parameters[Hidden * Inputs + Hidden + j] * hidden[j];
            }

            double error = output - ys[n];
            loss += error * error;
        }

        return loss / ys.Length;
    }

    /// <summary>Backpropagation written by hand: keep each sample's activations, then walk back through them.</summary>
    public static double LossHandWritten(ReadOnlySpan<double> parameters, ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, Span<double> gradient)
    {
        gradient.Clear();
        Span<double> hidden = stackalloc double[Hidden];
        const int b1 = Hidden * Inputs, w2 = b1 + Hidden, b2 = w2 + Hidden;
        double loss = 0;
        var scale = 2.0 / ys.Length;
        for (int n = 0; n < ys.Length; n++)
        {
            var x = xs.Slice(n * Inputs, Inputs);
            var output = parameters[b2];
            for (int j = 0; j < Hidden; j++)
            {
                var a = parameters[b1 + j];
                var row = parameters.Slice(j * Inputs, Inputs);
                for (int i = 0; i < Inputs; i++)
                {
                    a += row[i] * x[i];
                }

                hidden[j] = Math.Tanh(a);
                output += parameters[w2 + j] * hidden[j];
            }

            var error = output - ys[n];
            loss += error * error;
            var dOutput = scale * error;
            gradient[b2] += dOutput;
            for (int j = 0; j < Hidden; j++)
            {
                gradient[w2 + j] += dOutput * hidden[j];
                var dA = dOutput * parameters[w2 + j] * (1 - (hidden[j] * hidden[j]));
                gradient[b1 + j] += dA;
                var row = gradient.Slice(j * Inputs, Inputs);
                for (int i = 0; i < Inputs; i++)
                {
                    row[i] += dA * x[i];
                }
            }
        }

        return loss / ys.Length;
    }

    /// <summary>The same loss on the runtime tape.</summary>
    public static double LossOnTape(Value[] parameters, double[] xs, double[] ys)
    {
        Value loss = 0;
        for (int n = 0; n < ys.Length; n++)
        {
            Value output = parameters[(Hidden * Inputs) + (2 * Hidden)];
            for (int j = 0; j < Hidden; j++)
            {
                var a = parameters[(Hidden * Inputs) + j];
                for (int i = 0; i < Inputs; i++)
                {
                    a += parameters[(j * Inputs) + i] * xs[(n * Inputs) + i];
                }

                output += parameters[(Hidden * Inputs) + Hidden + j] * a.Tanh();
            }

            var error = output - ys[n];
            loss += error * error;
        }

        var result = loss / ys.Length;
        result.Backward();
        return result.Data;
    }
}
