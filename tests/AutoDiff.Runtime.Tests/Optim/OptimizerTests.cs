using AutoDiff.NN;
using AutoDiff.Optim;

namespace AutoDiff.Tests.Optim;

public class OptimizerTests
{
    [Fact]
    public void SgdStepsAgainstTheGradient()
    {
        var p = new Value(1.0) { Grad = 0.5 };
        var sgd = new Sgd([p], learningRate: 0.1);

        sgd.Step();

        Assert.Equal(0.95, p.Data, 15);      // 1 - 0.1·0.5
    }

    [Fact]
    public void SgdMomentumAccumulatesVelocity()
    {
        var p = new Value(1.0) { Grad = 0.5 };
        var sgd = new Sgd([p], learningRate: 0.1, momentum: 0.9);

        sgd.Step();                          // v = 0.5, p = 1 - 0.05
        Assert.Equal(0.95, p.Data, 15);
        sgd.Step();                          // v = 0.9·0.5 + 0.5 = 0.95, p = 0.95 - 0.095

        Assert.Equal(0.855, p.Data, 15);
    }

    [Fact]
    public void AdamFirstTwoStepsMatchHandComputation()
    {
        var p = new Value(1.0) { Grad = 0.5 };
        var adam = new Adam([p], learningRate: 0.1);

        adam.Step();
        // m = 0.05, v = 0.00025; m̂ = 0.05/0.1 = 0.5, v̂ = 0.00025/0.001 = 0.25: step 0.1·0.5/(0.5 + 1e-8).
        double afterFirst = 1.0 - 0.1 * 0.5 / (0.5 + 1e-8);
        Assert.Equal(afterFirst, p.Data, 15);

        p.Grad = -1.0;
        adam.Step();
        // m = 0.9·0.05 - 0.1 = -0.055, v = 0.999·0.00025 + 0.001 = 0.00124975;
        // m̂ = -0.055/(1 - 0.81), v̂ = 0.00124975/(1 - 0.998001).
        double mHat = -0.055 / 0.19;
        double vHat = 0.00124975 / 0.001999;
        Assert.Equal(afterFirst - 0.1 * mHat / (Math.Sqrt(vHat) + 1e-8), p.Data, 14);
    }

    [Fact]
    public void ScheduleSetsTheRateOfEachStep()
    {
        var p = new Value(0.0);
        var sgd = new Sgd([p], learningRate: 123.0) { Schedule = k => 1.0 - 0.9 * k / 100 };

        p.Grad = 1.0;
        sgd.Step();
        Assert.Equal(1.0, sgd.LearningRate);
        Assert.Equal(-1.0, p.Data);
        for (int k = 1; k <= 50; k++)
        {
            sgd.Step();
        }

        Assert.Equal(0.55, sgd.LearningRate, 15); // step k = 50: 1 - 0.45
        Assert.Equal(51, sgd.StepCount);
    }

    [Fact]
    public void LearningRateCanBeChangedBetweenSteps()
    {
        var p = new Value(0.0) { Grad = 1.0 };
        var sgd = new Sgd([p], learningRate: 1.0);

        sgd.LearningRate = 0.25;
        sgd.Step();

        Assert.Equal(-0.25, p.Data);
    }

    [Fact]
    public void ModuleParametersAndParameterVectorsCanBeMixed()
    {
        var mlp = new MLP(2, [1], seed: 1);
        var extra = new ParameterVector([1.0, 2.0], [0.5, -0.5]);
        IEnumerable<IParameter> all = mlp.Parameters().Cast<IParameter>().Append(extra);
        foreach (Value v in mlp.Parameters())
        {
            v.Grad = 1.0;
        }

        double[] before = mlp.GetParameterValues();
        var sgd = new Sgd(all, learningRate: 0.5);
        sgd.Step();

        Assert.Equal(before.Select(w => w - 0.5), mlp.GetParameterValues());
        Assert.Equal([0.75, 2.25], extra.DataArray);
        sgd.ZeroGrad();
        Assert.Equal([0.0, 0.0], extra.GradArray);
        Assert.All(mlp.Parameters(), v => Assert.Equal(0.0, v.Grad));
    }

    [Fact]
    public void ModuleParametersPassDirectly()
    {
        var mlp = new MLP(2, [3, 1], seed: 1);
        var adam = new Adam(mlp.Parameters());

        Assert.Equal(0, adam.StepCount);
    }

    [Fact]
    public void BadArgumentsAreNamed()
    {
        Assert.Throws<ArgumentException>(() => new Sgd([], 0.1));
        Assert.Throws<ArgumentException>(() => new Sgd([new Value(0.0)], double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd([new Value(0.0)], 0.1, momentum: 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([new Value(0.0)], beta1: 1.5));
        var error = Assert.Throws<ArgumentException>(() => new ParameterVector([1.0, 2.0], [0.0]));
        Assert.Contains("data has 2 elements but grad has 1", error.Message);
    }
}
