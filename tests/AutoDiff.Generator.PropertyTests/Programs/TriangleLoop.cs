namespace AutoDiff.PropertyTests.Programs;

/// <summary>Which part of a square a <see cref="TriangleLoop"/> walks: strictly above the diagonal (ADBench's GMM), below it, or below and on it.</summary>
internal enum TriangleShape { Upper, Lower, LowerWithDiagonal }

/// <summary>How a <see cref="TriangleLoop"/> steps its packed index: <c>l++</c>, <c>l += 1</c> or <c>l = l + 1</c>.</summary>
internal enum CounterStep { Increment, AddOne, Reassign }

/// <summary>
/// Packed triangular products as mixture models and Cholesky factors write them: per component <c>k</c>, a vector
/// <c>xN</c> is filled from the span, then <c>for (i …) for (j in the triangle) target[j] += p[l] * xN[i]; l++;</c> reads a
/// packed parameter at an int counter <c>l</c> that the inner loop steps (ADBench's <c>Qtimesx</c> with <c>icf[lIndex]</c>).
/// The counter starts at the component's block (<c>l = k * T</c>) or runs on from the last component; the product
/// lands in the vector itself (in place, so later rows read updated elements) or in a second buffer <c>yN</c>. The
/// generator's element reads (the row's <c>xN[i]</c>, fixed over the inner loop), its scalar sums of adjoint elements,
/// its undo of the counter's steps and its slices all meet these loops.
/// </summary>
internal sealed record TriangleLoop(
    int Dimension,
    int Components,
    TriangleShape Shape,
    CounterStep Step,
    bool CounterPerComponent,
    bool InPlace,
    bool PackedFromSpan,
    Expr Fill,
    Expr Read) : Stmt
{
    public override Scope Render(Scope scope, Flavor flavor, SourceLines lines)
    {
        var math = flavor.MathClass;
        var acc = NewLocal(scope, "a");
        lines.Add($"{flavor.Number} {acc} = 0.0;");
        var outer = scope.WithLocal(acc);
        var x = outer.Names.Next("x");
        var y = outer.Names.Next("y");
        var p = outer.Names.Next("p");
        var l = outer.Names.Next("l");
        var target = InPlace ? x : y;
        var entries = Shape == TriangleShape.LowerWithDiagonal ? Dimension * (Dimension + 1) / 2 : Dimension * (Dimension - 1) / 2;

        var packed = PackedFromSpan ? p : null;
        if (packed is not null)
        {
            ParameterBuffer.Declare(packed, true, outer.Scalar(0), flavor, lines);
        }

        ScratchBuffer.Declare(x, Dimension.ToString(System.Globalization.CultureInfo.InvariantCulture), true, flavor, lines);
        if (!InPlace)
        {
            ScratchBuffer.Declare(y, Dimension.ToString(System.Globalization.CultureInfo.InvariantCulture), false, flavor, lines);
        }

        if (!CounterPerComponent)
        {
            lines.Add($"int {l} = 0;");
        }

        lines.Add(Components == 0 ? "for (int k = 0; k < w.Length; k++)" : $"for (int k = 0; k < {Components}; k++)");
        lines.Open();
        var element = outer with { Loop = new LoopScope("(q + k) % w.Length", "k", null, 1, Counted: true) };
        lines.Block($"for (int q = 0; q < {x}.Length; q++)", $"{x}[q] = {math}.Tanh({Fill.Render(element, flavor)} + w[(q + k) % w.Length]);");
        if (!InPlace)
        {
            lines.Block($"for (int q = 0; q < {y}.Length; q++)", $"{y}[q] = 0.5 * {x}[q];");
        }

        if (CounterPerComponent)
        {
            lines.Add($"int {l} = k * {entries};");
        }

        lines.Add($"for (int i = 0; i < {Dimension}; i++)");
        lines.Open();
        lines.Add(Shape switch
        {
            TriangleShape.Upper => $"for (int j = i + 1; j < {Dimension}; j++)",
            TriangleShape.Lower => "for (int j = 0; j < i; j++)",
            _ => "for (int j = 0; j <= i; j++)",
        });
        lines.Open();
        lines.Add($"{target}[j] += {ParameterBuffer.Read(packed, l)} * {x}[i];");
        lines.Add(Step switch
        {
            CounterStep.Increment => $"{l}++;",
            CounterStep.AddOne => $"{l} += 1;",
            _ => $"{l} = {l} + 1;",
        });
        lines.Close();
        lines.Close();
        var reading = outer with { SpanName = target, Loop = new LoopScope("q", "q", null, 1, Counted: true) };
        lines.Block($"for (int q = 0; q < {target}.Length; q++)", $"{acc} += {math}.Tanh({Read.Render(reading, flavor)}) * {target}[q];");
        lines.Close();
        return outer;
    }
}
