namespace AutoDiff.Samples.Moons.Training;

/// <summary>micrograd's schedule, <c>1.0 - 0.9 * k / 100</c>, stretched to any number of steps.</summary>
public static class LearningRateSchedule
{
    /// <summary>The learning rate of step <paramref name="step"/> (0-based) out of <paramref name="steps"/>: from 1 down towards 0.1.</summary>
    /// <param name="step">The step about to be taken.</param>
    /// <param name="steps">The run's total number of steps.</param>
    /// <returns>The learning rate.</returns>
    public static double At(int step, int steps) => 1.0 - 0.9 * step / steps;

    /// <summary>The schedule as an optimizer's <c>Schedule</c> takes it.</summary>
    /// <param name="steps">The run's total number of steps.</param>
    /// <returns>A function of the step count.</returns>
    public static Func<int, double> For(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        return step => At(step, steps);
    }
}
