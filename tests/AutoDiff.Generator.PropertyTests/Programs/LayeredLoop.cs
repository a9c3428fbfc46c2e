namespace AutoDiff.PropertyTests.Programs;

/// <summary>A layer's activation: ReLU, tanh, or the moons sample's <c>layer &lt; last ? Max(0, s) : s</c>.</summary>
internal enum LayerActivation { Relu, Tanh, ReluButLast }

/// <summary>What each point adds to the accumulator from the last layer's first unit: a hinge, a tanh, or a square.</summary>
internal enum LayerLoss { Hinge, Tanh, Square }

/// <summary>
/// Where a layer's outputs start: right after its inputs (<c>output = input + fanIn</c>), or on its last input, so that its
/// first unit overwrites an input its later units still read (<c>- 1</c>, or <c>- (sizes[0] + 1) % 2</c>, which the
/// generator cannot evaluate: 1 or 0 by the widths).
/// </summary>
internal enum LayerStride { Packed, BackOne, BackOpaque }

/// <summary>Where a neuron's weights come from: a local buffer filled from the span (read as <c>v[next + i]</c>), or the span itself, wrapped.</summary>
internal enum LayerWeights { Buffer, WrappedSpan }

/// <summary>
/// A network's forward pass over points as users write it (the moons sample's loss, in random variations): one buffer
/// <c>aN</c> holds a point's inputs and then each layer's outputs, found by int offsets that the loop over the layers
/// steps (<c>output = input + fanIn</c>, <c>next += fanIn + 1</c>), with the widths in the function's
/// <c>[NoDerivative] ReadOnlySpan&lt;int&gt; sizes</c>, which the harness passes and the generator cannot see. A width of
/// 0 or -1 makes a later layer write over an earlier layer's outputs, and a <see cref="LayerStride"/> other than packed
/// makes each layer write over an input it still reads, so the generator's windows, records, slices and per-point
/// adjoints meet buffers whose regions overlap at run time (the hazard of <c>LoopHazards.SharedScratch</c>). The inputs
/// start at element 5 so that every offset stays inside the buffer whatever the widths and strides
/// (<see cref="ProgramGen"/> keeps the widths in [-1, 3], three layers at most).
/// </summary>
internal sealed record LayeredLoop(
    int[] Sizes,
    bool OnStack,
    bool UnitsFromSizes,
    int Points,
    bool ClearEachPoint,
    bool ActiveInputs,
    LayerWeights Weights,
    LayerStride Stride,
    LayerActivation Activation,
    LayerLoss Loss,
    Expr Input) : Stmt
{
    /// <summary>Where the inputs start in the buffer: below it, room for what widths of -1 and strides that step back take away (at most 2 a layer after the first).</summary>
    private const int InputStart = 5;

    public override Scope Render(Scope scope, Flavor flavor, SourceLines lines)
    {
        var acc = NewLocal(scope, "a");
        var math = flavor.MathClass;
        var number = flavor.Number;
        lines.Add($"{number} {acc} = 0.0;");
        var outer = scope.WithLocal(acc);
        var a = outer.Names.Next("b");
        var v = outer.Names.Next("v");
        var units = outer.Names.Next("n");

        if (UnitsFromSizes)
        {
            // No offset reaches InputStart plus the sum of the widths' magnitudes.
            lines.Add($"int {units} = {InputStart + 1};");
            lines.Block("for (int s = 0; s < sizes.Length; s++)", $"{units} += Math.Abs(sizes[s]);");
        }
        else
        {
            lines.Add($"int {units} = 24;");
        }

        ScratchBuffer.Declare(a, units, OnStack, flavor, lines);
        var weights = Weights == LayerWeights.Buffer ? v : null;
        if (weights is not null)
        {
            ParameterBuffer.Declare(weights, OnStack, outer.Scalar(0), flavor, lines);
        }

        string Weight(string index) => ParameterBuffer.Read(weights, index);

        lines.Add(Points == 0 ? "for (int p = 0; p < w.Length; p++)" : $"for (int p = 0; p < {Points}; p++)");
        lines.Open();
        if (ClearEachPoint)
        {
            lines.Block($"for (int u = 0; u < {a}.Length; u++)", $"{a}[u] = 0.0;");
        }

        var input = ActiveInputs
            ? $"{math}.Tanh({Input.Render(outer, flavor)} + w[(p + i) % w.Length])"
            : "Math.Cos(p + i)";
        lines.Block("for (int i = 0; i < sizes[0]; i++)", $"{a}[{InputStart} + i] = {input};");
        lines.Add("int next = 1; // the next neuron's first weight; its bias follows its weights");
        lines.Add($"int input = {InputStart};");
        lines.Add("for (int layer = 1; layer < sizes.Length; layer++)");
        lines.Open();
        lines.Add("int fanIn = sizes[layer - 1];");
        lines.Add(Stride switch
        {
            LayerStride.Packed => "int output = input + fanIn;",
            LayerStride.BackOne => "int output = input + fanIn - 1;",
            _ => "int output = input + fanIn - (sizes[0] + 1) % 2;",
        });
        lines.Add("for (int j = 0; j < sizes[layer]; j++)");
        lines.Open();
        lines.Add($"{number} sum = {Weight("next + fanIn")};");
        lines.Block("for (int i = 0; i < fanIn; i++)", $"sum += {Weight("next + i")} * {a}[input + i];");
        lines.Add(Activation switch
        {
            LayerActivation.Relu => $"{a}[output + j] = {math}.Max(0.0, sum);",
            LayerActivation.Tanh => $"{a}[output + j] = {math}.Tanh(sum);",
            _ => $"{a}[output + j] = layer < sizes.Length - 1 ? {math}.Max(0.0, sum) : sum;",
        });
        lines.Add("next += fanIn + 1;");
        lines.Close();
        lines.Add("input = output;");
        lines.Close();
        switch (Loss)
        {
            case LayerLoss.Hinge:
                lines.Add($"{number} label = p % 2 == 0 ? 1.0 : -1.0;");
                lines.Add($"{acc} += {math}.Max(0.0, 1.0 - label * {a}[input]);");
                break;
            case LayerLoss.Tanh:
                lines.Add($"{acc} += {math}.Tanh({a}[input]);");
                break;
            default:
                lines.Add($"{number} r = {a}[input] - 0.5 * p;");
                lines.Add($"{acc} += r * r;");
                break;
        }

        lines.Close();
        return outer;
    }
}
