using AutoDiff.Samples.Moons.Data;
using AutoDiff.Tensors.NN;

namespace AutoDiff.Samples.Moons.Model;

/// <summary>
/// The network's scores at given weights, for the accuracy and the plot (positive means class +1). It runs the
/// tensor library's <see cref="Sequential"/> MLP built from the same <see cref="MoonsNetwork"/> and loaded with the
/// flat weights: the sample writes its forward pass once, in <see cref="MoonsLoss.Loss"/>, and evaluating a
/// 200 × 200 grid as one batch takes milliseconds.
/// </summary>
public sealed class NetworkScorer
{
    private readonly MoonsNetwork _network;
    private readonly Sequential _model;

    /// <summary>Creates a scorer for networks of the given shape.</summary>
    /// <param name="network">The network definition.</param>
    public NetworkScorer(MoonsNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        _model = Sequential.Mlp(MoonsNetwork.Inputs, network.LayerWidths, () => new ReLU(), seed: 0);
    }

    /// <summary>The scores of points given as interleaved (x, y) pairs.</summary>
    /// <param name="w">The weights in <see cref="MoonsNetwork"/>'s order.</param>
    /// <param name="xy">x0, y0, x1, y1, …</param>
    /// <returns>One score per point.</returns>
    /// <exception cref="ArgumentException">The weights have the wrong length, or <paramref name="xy"/> an odd one.</exception>
    public double[] Scores(ReadOnlySpan<double> w, ReadOnlySpan<double> xy)
    {
        _network.RequireParameterCount(w);
        if (xy.Length % MoonsNetwork.Inputs != 0)
        {
            throw new ArgumentException($"The points must be (x, y) pairs, but {xy.Length} numbers were given.", nameof(xy));
        }

        NeuronOrder.Load(_model, w);
        using (Tensor.NoGrad())
        {
            return _model.Forward(Tensor.From(xy.ToArray(), xy.Length / MoonsNetwork.Inputs, MoonsNetwork.Inputs)).ToArray();
        }
    }

    /// <summary>micrograd's accuracy: the share of points whose score has the sign of their label.</summary>
    /// <param name="w">The weights in <see cref="MoonsNetwork"/>'s order.</param>
    /// <param name="data">The points.</param>
    /// <returns>A number in [0, 1].</returns>
    public double Accuracy(ReadOnlySpan<double> w, MoonsDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        double[] scores = Scores(w, data.Points.SelectMany(p => new[] { p.X, p.Y }).ToArray());
        int correct = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (scores[i] > 0 == data.Points[i].Label > 0)
            {
                correct++;
            }
        }

        return (double)correct / data.Count;
    }
}
