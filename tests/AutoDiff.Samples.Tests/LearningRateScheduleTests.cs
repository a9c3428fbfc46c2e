using AutoDiff.Samples.Moons.Training;

namespace AutoDiff.Samples.Tests;

public class LearningRateScheduleTests
{
    [Theory]
    [InlineData(0, 100, 1.0)]            // micrograd: 1.0 - 0.9 * 0 / 100
    [InlineData(50, 100, 0.55)]          // 1.0 - 0.9 * 50 / 100
    [InlineData(99, 100, 0.109)]         // 1.0 - 0.9 * 99 / 100, the last step
    [InlineData(100, 200, 0.55)]         // stretched: halfway through a 200-step run
    public void It_is_micrograds_linear_decay(int step, int steps, double expected)
    {
        Assert.Equal(expected, LearningRateSchedule.At(step, steps), 15);
    }
}
