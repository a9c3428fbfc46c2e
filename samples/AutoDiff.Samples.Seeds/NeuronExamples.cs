using AutoDiff;

namespace AutoDiff.Samples.Seeds;

/// <summary>The seeds' two-input tanh neuron, once with Tanh() and once with tanh spelled through exp.</summary>
internal static class NeuronExamples
{
    public static void Run(GraphOutput graphs)
    {
        Console.WriteLine();
        Console.WriteLine("== Neuron o = tanh(x1*w1 + x2*w2 + b) (seed 001 examples 1-3)");
        Value o = Neuron(n => n.Tanh(), out Value[] leaves);
        o.Backward();
        Print(o, leaves);
        graphs.Draw("neuron-tanh", o);

        Console.WriteLine();
        Console.WriteLine("== Same neuron with tanh(n) = (e^(2n) - 1) / (e^(2n) + 1)");
        Value oExp = Neuron(
            n =>
            {
                Value e = (2 * n).Exp();
                e.Label = "e";
                return (e - 1) / (e + 1);
            },
            out Value[] expLeaves);
        oExp.Backward();
        Print(oExp, expLeaves);
        graphs.Draw("neuron-exp", oExp);
    }

    private static Value Neuron(Func<Value, Value> activation, out Value[] leaves)
    {
        var x1 = new Value(2.0, "x1");
        var x2 = new Value(0.0, "x2");
        var w1 = new Value(-3.0, "w1");
        var w2 = new Value(1.0, "w2");
        var b = new Value(6.8813735870195432, "b");
        Value x1w1 = x1 * w1;
        x1w1.Label = "x1*w1";
        Value x2w2 = x2 * w2;
        x2w2.Label = "x2*w2";
        Value sum = x1w1 + x2w2;
        sum.Label = "x1*w1 + x2*w2";
        Value n = sum + b;
        n.Label = "n";
        Value o = activation(n);
        o.Label = "o";
        leaves = [x1, w1, x2, w2, b];
        return o;
    }

    private static void Print(Value o, Value[] leaves)
    {
        Console.WriteLine($"o = {o.Data:0.0000}");
        Console.WriteLine("  " + string.Join(", ", leaves.Select(v => $"{v.Label}.grad = {v.Grad:0.0000}")));
    }
}
