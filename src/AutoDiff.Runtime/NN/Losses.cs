namespace AutoDiff.NN;

/// <summary>Loss functions on the tape; each returns one scalar <see cref="Value"/> to call <c>Backward()</c> on.</summary>
public static class Losses
{
    /// <summary>The seeds' loss: <c>Σ (predictionᵢ - targetᵢ)²</c>.</summary>
    /// <param name="predictions">Model outputs.</param>
    /// <param name="targets">Wanted outputs, same count.</param>
    /// <returns>The summed squared error.</returns>
    public static Value SumSquaredError(IReadOnlyList<Value> predictions, IReadOnlyList<double> targets)
    {
        RequireSameCount(predictions, targets);
        Value total = (predictions[0] - targets[0]).Pow(2);
        for (int i = 1; i < predictions.Count; i++)
        {
            total += (predictions[i] - targets[i]).Pow(2);
        }

        return total;
    }

    /// <summary>Mean squared error: <c>(1/n) Σ (predictionᵢ - targetᵢ)²</c>.</summary>
    /// <param name="predictions">Model outputs.</param>
    /// <param name="targets">Wanted outputs, same count.</param>
    /// <returns>The mean squared error.</returns>
    public static Value MeanSquaredError(IReadOnlyList<Value> predictions, IReadOnlyList<double> targets) =>
        SumSquaredError(predictions, targets) * (1.0 / predictions.Count);

    /// <summary>
    /// micrograd's SVM max-margin loss: <c>(1/n) Σ relu(1 - yᵢ·scoreᵢ)</c> for labels <c>yᵢ ∈ {-1, +1}</c>.
    /// </summary>
    /// <param name="scores">Model outputs (one score per sample).</param>
    /// <param name="labels">-1 or +1 per sample.</param>
    /// <returns>The mean hinge loss.</returns>
    public static Value Hinge(IReadOnlyList<Value> scores, IReadOnlyList<double> labels)
    {
        RequireSameCount(scores, labels);
        Value total = (1.0 + -labels[0] * scores[0]).Relu();
        for (int i = 1; i < scores.Count; i++)
        {
            total += (1.0 + -labels[i] * scores[i]).Relu();
        }

        return total * (1.0 / scores.Count);
    }

    /// <summary>
    /// Binary cross-entropy on logits, <c>(1/n) Σ [max(z,0) - z·y + ln(1 + exp(-|z|))]</c>: equal to
    /// <c>-y·ln σ(z) - (1-y)·ln(1-σ(z))</c> but finite for any logit.
    /// </summary>
    /// <param name="logits">Model outputs before the sigmoid.</param>
    /// <param name="labels">0 or 1 per sample (probabilities in between also work).</param>
    /// <returns>The mean loss.</returns>
    public static Value BinaryCrossEntropyWithLogits(IReadOnlyList<Value> logits, IReadOnlyList<double> labels)
    {
        RequireSameCount(logits, labels);
        Value total = StableTerm(logits[0], labels[0]);
        for (int i = 1; i < logits.Count; i++)
        {
            total += StableTerm(logits[i], labels[i]);
        }

        return total * (1.0 / logits.Count);

        static Value StableTerm(Value z, double y) => z.Relu() - z * y + (1.0 + (-ValueMath.Abs(z)).Exp()).Log();
    }

    /// <summary>L2 regularisation as micrograd writes it: <c>alpha · Σ p²</c>.</summary>
    /// <param name="parameters">The parameters to penalise.</param>
    /// <param name="alpha">The strength, e.g. 1e-4.</param>
    /// <returns>The penalty.</returns>
    /// <exception cref="ArgumentException">There are no parameters.</exception>
    public static Value L2(IEnumerable<Value> parameters, double alpha)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Value? total = null;
        foreach (Value p in parameters)
        {
            total = total is null ? p * p : total + p * p;
        }

        return total is null
            ? throw new ArgumentException("L2 needs at least one parameter.", nameof(parameters))
            : alpha * total;
    }

    private static void RequireSameCount(IReadOnlyList<Value> outputs, IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (outputs.Count != targets.Count)
        {
            throw new ArgumentException(
                $"There are {outputs.Count} model outputs but {targets.Count} targets; they must pair up.", nameof(targets));
        }

        if (outputs.Count == 0)
        {
            throw new ArgumentException("A loss needs at least one sample.", nameof(outputs));
        }
    }
}
