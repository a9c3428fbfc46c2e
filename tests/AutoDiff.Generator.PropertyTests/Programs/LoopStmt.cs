namespace AutoDiff.PropertyTests.Programs;

/// <summary>
/// The bounds of a <c>for</c> loop. At the top level: over the span (<see cref="Full"/>, or <see cref="Down"/> from its end),
/// or a constant count. Nested: bounds that depend on the outer index (<c>j &lt; i</c>, <c>j &lt;= i</c>, <c>j = i … n</c>).
/// </summary>
internal enum ForBounds { Full, Down, Constant, BelowOuter, UpToOuter, FromOuter }

/// <summary>
/// A loop that updates an accumulator: declared before the loop (<c>double aN = init;</c>) at the top level, and updated by
/// <c>Update</c> in <c>Form</c> after the body's other statements (which a <c>continue</c> or <c>break</c> may skip).
/// </summary>
internal abstract record AccumulatingLoop(Expr Init, LoopForm Form, Expr Update, Stmt[] Body) : Stmt
{
    /// <summary>Declares the accumulator (top level) or picks an existing local (nested), then renders the loop.</summary>
    public override Scope Render(Scope scope, Flavor flavor, SourceLines lines)
    {
        if (scope.SpanName is null)
        {
            return new Declare(Init).Render(scope, flavor, lines);
        }

        var outer = scope;
        string acc;
        if (scope.InLoop)
        {
            acc = scope.Local(0) ?? scope.Scalar(0);
        }
        else
        {
            acc = "a" + scope.LocalCount;
            lines.Add($"{flavor.Number} {acc} = {Init.Render(scope, flavor)};");
            outer = scope.WithLocal(acc);
        }

        return RenderLoop(outer, flavor, lines, inner =>
        {
            Block.Render(Body, inner, flavor, lines);
            RenderUpdate(acc, inner, flavor, lines);
        });
    }

    /// <summary>Writes the loop around <paramref name="body"/> (rendered in the loop's scope); returns the scope after the loop.</summary>
    protected abstract Scope RenderLoop(Scope outer, Flavor flavor, SourceLines lines, Action<Scope> body);

    private void RenderUpdate(string acc, Scope scope, Flavor flavor, SourceLines lines)
    {
        var value = Update.Render(scope, flavor);
        var m = flavor.MathClass;
        lines.Add(Form switch
        {
            LoopForm.Sum => $"{acc} += {value};",
            LoopForm.Recurrence => $"{acc} = {m}.Tanh({acc}) + {value};",
            LoopForm.Product => $"{acc} *= 1.0 + 0.5 * {m}.Tanh({value});",
            _ => $"{acc} = 0.5 * {acc} + {value};",
        });
    }
}

/// <summary><c>for (int i …)</c> at the top level (every one reuses the name <c>i</c>), <c>for (int j …)</c> nested in another loop.</summary>
internal sealed record ForLoop(ForBounds Bounds, int Count, Expr Init, LoopForm Form, Expr Update, Stmt[] Body)
    : AccumulatingLoop(Init, Form, Update, Body)
{
    protected override Scope RenderLoop(Scope outer, Flavor flavor, SourceLines lines, Action<Scope> body)
    {
        var span = outer.SpanName!;
        var depth = outer.Loop?.Depth ?? 0;
        var index = depth == 0 ? "i" : "j";
        var bounds = depth == 0 && Bounds > ForBounds.Constant ? ForBounds.Full : Bounds;
        var outerIndex = outer.Loop?.Index ?? "0";
        lines.Add(bounds switch
        {
            ForBounds.Full => $"for (int {index} = 0; {index} < {span}.Length; {index}++)",
            ForBounds.Down => $"for (int {index} = {span}.Length - 1; {index} >= 0; {index}--)",
            ForBounds.Constant => $"for (int {index} = 0; {index} < {Count}; {index}++)",
            ForBounds.BelowOuter => $"for (int {index} = 0; {index} < {outerIndex}; {index}++)",
            ForBounds.UpToOuter => $"for (int {index} = 0; {index} <= {outerIndex}; {index}++)",
            _ => $"for (int {index} = {outerIndex}; {index} < {span}.Length; {index}++)",
        });
        var element = bounds is ForBounds.Full or ForBounds.Down ? index : $"{index} % {span}.Length";
        lines.Open();
        var reused = !outer.Names.FirstIndex(index);
        var exits = Body.Any(s => s is IfBlock { Jump: Jump.Break or Jump.Return });
        var loop = new LoopScope(element, index, null, depth + 1, Counted: !exits);
        var jumps = Body.Any(s => s is IfBlock b && b.JumpIn(loop) != Jump.None);
        var plainCalls = !(reused && GeneratorGaps.Avoids(Gap.ReusedIndexInPlainCall)) && !(jumps && GeneratorGaps.Avoids(Gap.ChangedIntInPlainCall));
        body(outer.WithInt(index, plainCalls) with { Loop = loop });
        lines.Close();
        return outer;
    }
}

/// <summary>
/// <c>int cN = 0; while (cN &lt; bound) { … cN++; }</c> or the <c>do … while</c> form. The counter steps first in the body
/// (<see cref="CounterFirst"/>), in a while loop's condition as iteration limits are written
/// (<see cref="StepInCondition"/>: <c>while (aN &lt; 4.0 &amp;&amp; cN++ &lt; bound)</c>), or last and before every
/// <c>continue</c>, so every path through the body makes progress. The bound is the span's length or a constant,
/// optionally with a data-dependent exit (<c>&amp;&amp; aN &lt; 4.0</c>).
/// </summary>
internal sealed record WhileLoop(bool Do, bool CounterFirst, int Bound, bool DataExit, Expr Init, LoopForm Form, Expr Update, Stmt[] Body, bool StepInCondition = false)
    : AccumulatingLoop(Init, Form, Update, Body)
{
    protected override Scope RenderLoop(Scope outer, Flavor flavor, SourceLines lines, Action<Scope> body)
    {
        var span = outer.SpanName!;
        var counter = outer.Names.Next("c");
        lines.Add($"int {counter} = 0;");
        var bound = Bound == 0 ? $"{span}.Length" : Bound.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var exit = DataExit && outer.Local(0) is { } acc ? $" && {acc} < 4.0" : "";
        var stepped = StepInCondition && CounterFirst && !Do;
        var condition = stepped
            ? (DataExit && outer.Local(0) is { } first ? $"{first} < 4.0 && {counter}++ < {bound}" : $"{counter}++ < {bound}")
            : $"{counter} < {bound}{exit}";
        var position = CounterFirst ? $"{counter} - 1" : counter;
        var element = Bound == 0 ? position : $"({position}) % {span}.Length";
        var plainCalls = !GeneratorGaps.Avoids(Gap.ChangedIntInPlainCall);
        var scope = outer.WithInt(counter, plainCalls) with
        {
            Loop = new LoopScope(element, counter, CounterFirst ? null : $"{counter}++;", (outer.Loop?.Depth ?? 0) + 1, Counted: false),
        };
        lines.Add(Do ? "do" : $"while ({condition})");
        lines.Open();
        if (CounterFirst && !stepped)
        {
            lines.Add($"{counter}++;");
        }

        body(scope);
        if (!CounterFirst)
        {
            lines.Add($"{counter}++;");
        }

        lines.Close();
        if (Do)
        {
            lines.Add($"while ({condition});");
        }

        return outer.WithInt(counter, plainCalls);
    }
}
