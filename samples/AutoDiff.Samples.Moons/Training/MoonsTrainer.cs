using System.Diagnostics;
using AutoDiff.Samples.Moons.Data;
using AutoDiff.Samples.Moons.Model;

namespace AutoDiff.Samples.Moons.Training;

/// <summary>micrograd's training loop around any <see cref="ITrainingEngine"/>.</summary>
public static class MoonsTrainer
{
    /// <summary>Runs <paramref name="steps"/> steps and records each step's loss and accuracy.</summary>
    /// <param name="engine">The engine, holding the initial weights.</param>
    /// <param name="data">The training set (for the accuracy; the engine has its own view of it).</param>
    /// <param name="steps">Number of steps; must be what the engine's schedule was built for.</param>
    /// <param name="onStep">Called after every step, e.g. to show progress.</param>
    /// <returns>The trajectory, the final weights and the time per step.</returns>
    public static TrainingResult Train(ITrainingEngine engine, MoonsDataSet data, int steps, Action<TrainingStep>? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        var scorer = new NetworkScorer(engine.Network);
        var weights = new double[engine.Network.ParameterCount];
        var history = new TrainingStep[steps];
        var stepTimes = new TimeSpan[steps];
        for (int k = 0; k < steps; k++)
        {
            engine.CopyWeights(weights);
            double accuracy = scorer.Accuracy(weights, data);
            long start = Stopwatch.GetTimestamp();
            double loss = engine.Step();
            stepTimes[k] = Stopwatch.GetElapsedTime(start);
            history[k] = new TrainingStep(k, loss, accuracy, LearningRateSchedule.At(k, steps));
            onStep?.Invoke(history[k]);
        }

        engine.CopyWeights(weights);
        return new TrainingResult(engine.Kind, engine.Network, history, weights, scorer.Accuracy(weights, data), Median(stepTimes));
    }

    // The median, not the mean: the first steps pay for JIT compilation and a GC pause can land in any step.
    private static TimeSpan Median(TimeSpan[] times)
    {
        Array.Sort(times);
        int middle = times.Length / 2;
        return times.Length % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2;
    }
}
