using AutoDiff.NN;
using AutoDiff.Optim;

namespace AutoDiff.Tests;

// The code samples of docs/runtime.md, verbatim between the marker comments, so the docs stay true.
public class DocsSampleTests
{
    [Fact]
    public void ValueSample()
    {
        // docs/runtime.md: Value
        var a = new Value(2.0, "a");
        var b = new Value(-3.0, "b");
        var c = new Value(10.0, "c");
        var f = new Value(-2.0, "f");
        Value L = (a * b + c) * f;   // -8
        L.Backward();
        Console.WriteLine(a.Grad);   // 6  = f · b
        Console.WriteLine(b.Grad);   // -4 = f · a
        Console.WriteLine(L);        // Value(data=-8.0, grad=1.0)
        // end sample

        Assert.Equal(6.0, a.Grad);
        Assert.Equal(-4.0, b.Grad);
        Assert.Equal("Value(data=-8.0, grad=1.0)", L.ToString());
    }

    [Fact]
    public void ValueMathSample()
    {
        // docs/runtime.md: ValueMath
        var x = new Value(0.5);
        Value y = ValueMath.Sin(x) * ValueMath.Exp(x) + ValueMath.Max(x, 0.0);
        y.Backward();                // x.Grad = cos(x)e^x + sin(x)e^x + 1
        // end sample

        Assert.Equal((Math.Cos(0.5) + Math.Sin(0.5)) * Math.Exp(0.5) + 1.0, x.Grad, 14);
    }

    [Fact]
    public void TrainingSample()
    {
        // docs/runtime.md: NN and Optim
        double[][] xs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]];
        double[] ys = [1.0, -1.0, -1.0, 1.0];
        var model = new MLP(3, [4, 4, 1], Activation.Tanh, seed: 42);
        var optimizer = new Sgd(model.Parameters(), learningRate: 0.05);
        for (int step = 0; step < 100; step++)
        {
            Value[] predictions = xs.Select(x => model.Forward(x)[0]).ToArray();
            Value loss = Losses.SumSquaredError(predictions, ys);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
        }

        double[] weights = model.GetParameterValues();   // 41 numbers, in Parameters() order
        // end sample

        Assert.Equal(41, weights.Length);
        double finalLoss = Losses.SumSquaredError(xs.Select(x => model.Forward(x)[0]).ToArray(), ys).Data;
        Assert.True(finalLoss < 0.01, $"loss {finalLoss}");
    }

    [Fact]
    public void ScheduleSample()
    {
        var model = new MLP(2, [16, 16, 1], seed: 1);
        // docs/runtime.md: schedule
        var sgd = new Sgd(model.Parameters(), learningRate: 1.0)
        {
            Schedule = k => 1.0 - 0.9 * k / 100,   // micrograd's moons demo
        };
        // end sample

        sgd.Step();
        Assert.Equal(1.0, sgd.LearningRate);
    }

    [Fact]
    public void GradCheckSample()
    {
        // docs/runtime.md: GradCheck
        GradCheckReport report = GradCheck.Check(v => v[0] * v[1].Tanh(), [0.7, -0.3]);
        Console.WriteLine(report.WorstError);   // about 1e-10
        bool ok = report.IsWithin(1e-6);
        // end sample

        Assert.True(ok, report.ToString());
    }

    [Fact]
    public void GraphvizSample()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"autodiff-docs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var a = new Value(2.0, "a");
            Value L = a * a;
            string outputPath = Path.Combine(folder, "graph.svg");
            // docs/runtime.md: Graphviz
            string dot = L.ToDot();
            GraphvizRenderResult result = Graphviz.TryRender(dot, outputPath);   // "svg" by default
            Console.WriteLine(result.Message);   // says plainly when `dot` is not installed
            // end sample

            Assert.Contains("rankdir=LR", dot);
            Assert.True(result.Success || result.Message.Contains("not installed"), result.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
