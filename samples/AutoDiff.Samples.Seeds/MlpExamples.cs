using AutoDiff;
using AutoDiff.NN;
using AutoDiff.Optim;

namespace AutoDiff.Samples.Seeds;

/// <summary>The seeds' neural-network library: one forward pass, then training on four samples.</summary>
internal static class MlpExamples
{
    public static void Run()
    {
        Console.WriteLine();
        Console.WriteLine("== MLP(3, [4, 4, 1]) forward on x = [2, 3, -1] (seed 001)");
        var n = new MLP(3, [4, 4, 1], Activation.Tanh, seed: 42);
        Console.WriteLine($"n(x) = {n.Forward(new[] { 2.0, 3.0, -1.0 })[0]}  ({n.Parameters().Count} parameters)");

        Console.WriteLine();
        Console.WriteLine("== Training on the seeds' four samples: loss = Σ (ypred - ygt)², SGD lr 0.05");
        double[][] xs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]];
        double[] ys = [1.0, -1.0, -1.0, 1.0];
        var optimizer = new Sgd(n.Parameters(), learningRate: 0.05);
        Value[] ypred = [];
        for (int k = 0; k < 40; k++)
        {
            ypred = xs.Select(x => n.Forward(x)[0]).ToArray();
            Value loss = Losses.SumSquaredError(ypred, ys);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            if (k % 5 == 0 || k == 39)
            {
                Console.WriteLine($"step {k,2}: loss {loss.Data:0.000000}");
            }
        }

        Console.WriteLine($"ypred = [{string.Join(", ", ypred.Select(y => y.Data.ToString("0.0000")))}], ys = [{string.Join(", ", ys)}]");
    }
}
