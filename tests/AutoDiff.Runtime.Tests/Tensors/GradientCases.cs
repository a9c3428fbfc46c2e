using System.Numerics;

namespace AutoDiff.Runtime.Tests.Tensors;

/// <summary>A function of tensors to differentiate and the inputs to differentiate it at (made fresh on each call).</summary>
public sealed record GradientCase<TSelf>(string Name, Func<TSelf[], TSelf> Function, Func<TSelf[]> Inputs);

/// <summary>
/// Every differentiable op, on broadcast shapes where the op broadcasts, written once for both element types: the
/// double and the float instantiations hold the same functions at inputs made from the same seeds, so a float case
/// can be checked against the double engine's finite differences of the very same function.
/// </summary>
public static class GradientCases<TSelf, T>
    where TSelf : TensorBase<TSelf, T>, ITensorFactory<TSelf, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static readonly int[][][] BroadcastPairs =
    [
        [[2, 3], [2, 3]],
        [[2, 3], [3]],
        [[2, 1], [1, 3]],
        [[4, 1, 3], [2, 3]],
        [[3], [2, 2, 3]],
        [[], [2, 3]],
        [[2, 3, 1], [1]],
    ];

    public static readonly int[][][] MatMulPairs =
    [
        [[3, 4], [4, 5]],
        [[2, 3, 4], [2, 4, 5]],
        [[2, 1, 3, 4], [3, 4, 2]],
        [[4], [2, 4, 3]],
        [[2, 3, 4], [4]],
        [[4], [4]],
        [[20, 33], [33, 21]],
    ];

    public static IReadOnlyList<GradientCase<TSelf>> All { get; } = Build();

    public static GradientCase<TSelf> Named(string name) => All.Single(c => c.Name == name);

    private static TSelf R(int seed, int[] shape) => TensorBase<TSelf, T>.RandomNormal(shape, seed: seed);

    /// <summary>Values in [0.5, 2): for ops defined only on part of the line (log, division, non-integer powers).</summary>
    private static TSelf P(int seed, int[] shape) => TensorBase<TSelf, T>.RandomUniform(shape, 0.5, 2.0, seed);

    private static T N(double value) => T.CreateChecked(value);

    private static string Text(int[] shape) => "[" + string.Join(",", shape) + "]";

    private static List<GradientCase<TSelf>> Build()
    {
        var cases = new List<GradientCase<TSelf>>();
        void Add(string name, Func<TSelf[], TSelf> function, Func<TSelf[]> inputs) => cases.Add(new(name, function, inputs));

        foreach (var pair in BroadcastPairs)
        {
            var (a, b) = (pair[0], pair[1]);
            string shapes = $"{Text(a)} {Text(b)}";
            Add($"add {shapes}", x => x[0] + x[1], () => [R(1, a), R(2, b)]);
            Add($"subtract {shapes}", x => x[0] - x[1], () => [R(1, a), R(2, b)]);
            Add($"multiply {shapes}", x => x[0] * x[1], () => [R(1, a), R(2, b)]);
            Add($"divide {shapes}", x => x[0] / x[1], () => [R(1, a), P(2, b)]);
            Add($"pow tensor {shapes}", x => x[0].Pow(x[1]), () => [P(1, a), R(2, b)]);
        }

        int[] m = [2, 3];
        Add("tensor + scalar", x => x[0] + N(2.5), () => [R(1, m)]);
        Add("scalar + tensor", x => N(2.5) + x[0], () => [R(1, m)]);
        Add("tensor - scalar", x => x[0] - N(2.5), () => [R(1, m)]);
        Add("scalar - tensor", x => N(2.5) - x[0], () => [R(1, m)]);
        Add("tensor * scalar", x => x[0] * N(-1.5), () => [R(1, m)]);
        Add("scalar * tensor", x => N(-1.5) * x[0], () => [R(1, m)]);
        Add("tensor / scalar", x => x[0] / N(4.0), () => [R(1, m)]);
        Add("scalar / tensor", x => N(4.0) / x[0], () => [P(1, m)]);
        Add("negate", x => -x[0], () => [R(1, m)]);

        int[] u = [3, 4];
        Add("tanh", x => x[0].Tanh(), () => [R(3, u)]);
        Add("relu", x => x[0].Relu(), () => [R(3, u)]);
        Add("exp", x => x[0].Exp(), () => [R(3, u)]);
        Add("log", x => x[0].Log(), () => [P(3, u)]);
        Add("sigmoid", x => x[0].Sigmoid(), () => [R(3, u)]);
        Add("pow 3", x => x[0].Pow(N(3)), () => [R(3, u)]);
        Add("pow -0.5", x => x[0].Pow(N(-0.5)), () => [P(3, u)]);

        int[] r = [2, 3, 4];
        Add("sum", x => x[0].Sum(), () => [R(4, r)]);
        Add("sum axis 1", x => x[0].Sum(1), () => [R(4, r)]);
        Add("sum axes 0,2 keepDims", x => x[0].Sum([0, 2], keepDims: true), () => [R(4, r)]);
        Add("mean", x => x[0].Mean(), () => [R(4, r)]);
        Add("mean axis -1 keepDims", x => x[0].Mean(-1, keepDims: true), () => [R(4, r)]);
        Add("max", x => x[0].Max(), () => [R(4, r)]);
        Add("max axis 0", x => x[0].Max(0), () => [R(4, r)]);
        Add("max axes 1,2 keepDims", x => x[0].Max([1, 2], keepDims: true), () => [R(4, r)]);

        Add("reshape", x => x[0].Reshape(4, -1), () => [R(5, r)]);
        Add("transpose", x => x[0].Transpose(), () => [R(5, r)]);
        Add("permute", x => x[0].Permute(2, 0, 1), () => [R(5, r)]);
        Add("slice", x => x[0].Slice(1, 1, 2), () => [R(5, r)]);
        Add("index", x => x[0][1], () => [R(5, r)]);

        foreach (var pair in MatMulPairs)
        {
            var (a, b) = (pair[0], pair[1]);
            Add($"matmul {Text(a)} {Text(b)}", x => x[0].MatMul(x[1]), () => [R(6, a), R(7, b)]);
        }

        Add("softmax", x => x[0].Softmax(), () => [R(8, [3, 5])]);
        Add("softmax axis 0", x => x[0].Softmax(0), () => [R(8, [3, 5])]);
        Add("log softmax", x => x[0].LogSoftmax(), () => [R(8, [2, 3, 5])]);
        Add("log softmax axis 1", x => x[0].LogSoftmax(1), () => [R(8, [2, 3, 5])]);
        Add("cross entropy", x => x[0].CrossEntropy([4, 0, 2]), () => [R(8, [3, 5])]);
        Add("mse", x => x[0].Mse(x[1]), () => [R(8, [3, 5]), R(9, [3, 5])]);
        Add("mse broadcast", x => x[0].Mse(x[1]), () => [R(8, [3, 5]), R(9, [5])]);

        // x feeds two branches, so its gradient must accumulate from both.
        Add("composed network with a shared input",
            x => (x[0].MatMul(x[1]) + x[2]).Tanh().MatMul(x[1].Transpose()) * x[0],
            () => [R(10, [3, 4]), R(11, [4, 6]), R(12, [6])]);
        return cases;
    }
}
