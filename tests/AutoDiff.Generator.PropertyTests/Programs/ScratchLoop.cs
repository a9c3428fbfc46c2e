namespace AutoDiff.PropertyTests.Programs;

/// <summary>How many times a <see cref="ScratchLoop"/> runs: the span's length, a constant, or an int local declared before the loop.</summary>
internal enum ScratchTrips { SpanLength, Constant, Local }

/// <summary>Which way a <see cref="ScratchLoop"/> counts: up from 0, down to 0, or up from 1.</summary>
internal enum ScratchDirection { Up, Down, FromOne }

/// <summary>How a <see cref="ScratchLoop"/> may leave an iteration early: not at all, a <c>break</c> at its end, a <c>continue</c> at its start.</summary>
internal enum ScratchExit { None, Break, Continue }

/// <summary>
/// A local buffer: <c>Span&lt;double&gt; bN = stackalloc double[size]</c> or <c>double[] bN = new double[size]</c>, of the span's
/// length (<see cref="Size"/> 0) or a constant size. On the tape a zero-filled <c>Value[]</c>, as both C# forms start at zero.
/// </summary>
internal sealed record ScratchBuffer(bool OnStack, int Size)
{
    public void Declare(string name, Flavor flavor, SourceLines lines) =>
        Declare(name, Size == 0 ? "w.Length" : Size.ToString(System.Globalization.CultureInfo.InvariantCulture), OnStack, flavor, lines);

    /// <summary>Declares buffer <paramref name="name"/> of <paramref name="length"/> elements, all zero, in either flavor.</summary>
    public static void Declare(string name, string length, bool onStack, Flavor flavor, SourceLines lines)
    {
        if (flavor == Flavor.Tape)
        {
            lines.Add($"Value[] {name} = new Value[{length}];");
            lines.Add($"Array.Fill({name}, new Value(0.0));");
        }
        else
        {
            lines.Add(onStack ? $"Span<double> {name} = stackalloc double[{length}];" : $"double[] {name} = new double[{length}];");
        }
    }
}

/// <summary>
/// Scratch buffers a loop works in, as a mixture model or a recurrent cell uses them: the buffers are declared before the
/// loop, each iteration runs <see cref="Steps"/> (whole overwrites, recurrences and triangles inside a buffer, element
/// writes, reads into the accumulator <c>aN</c>), optionally with an early exit, inside a loop that runs twice
/// (<see cref="Repeated"/>), and with a read of a buffer after the loop (<see cref="ReadAfter"/>). These shapes decide how
/// the generator restores a buffer for the reverse sweep (a slice per iteration, one recorded copy, a recomputation, or
/// element records), so every one of them is checked against the tape here.
/// </summary>
internal sealed record ScratchLoop(
    ScratchBuffer[] Buffers,
    ScratchTrips Trips,
    int Count,
    ScratchDirection Direction,
    ScratchExit Exit,
    bool Repeated,
    bool TripsAfterBuffers,
    Expr Init,
    BufferStep[] Steps,
    bool ReadAfter) : Stmt
{
    public override Scope Render(Scope scope, Flavor flavor, SourceLines lines)
    {
        var acc = NewLocal(scope, "a");
        lines.Add($"{flavor.Number} {acc} = {Init.Render(scope, flavor)};");
        var outer = scope.WithLocal(acc);

        var names = Buffers.Select(_ => outer.Names.Next("b")).ToArray();
        var trips = Trips switch
        {
            ScratchTrips.SpanLength => "w.Length",
            ScratchTrips.Constant => Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => outer.Names.Next("n"),
        };
        if (Trips == ScratchTrips.Local && !TripsAfterBuffers)
        {
            lines.Add($"int {trips} = w.Length + {Count - 2};");
        }

        for (var b = 0; b < Buffers.Length; b++)
        {
            Buffers[b].Declare(names[b], flavor, lines);
        }

        if (Trips == ScratchTrips.Local && TripsAfterBuffers)
        {
            lines.Add($"int {trips} = w.Length + {Count - 2};");
        }

        if (Repeated)
        {
            lines.Add("for (int p = 0; p < 2; p++)");
            lines.Open();
        }

        lines.Add(Direction switch
        {
            ScratchDirection.Up => $"for (int k = 0; k < {trips}; k++)",
            ScratchDirection.Down => $"for (int k = {trips} - 1; k >= 0; k--)",
            _ => $"for (int k = 1; k <= {trips}; k++)",
        });
        lines.Open();
        var context = new ScratchContext(names, acc, Repeated ? "k + p" : "k");
        var body = outer with { Loop = new LoopScope($"({context.Position}) % w.Length", "k", null, Repeated ? 2 : 1, Counted: Exit == ScratchExit.None) };
        if (Exit == ScratchExit.Continue)
        {
            lines.Add($"if (w[k % w.Length] > {body.Scalar(0)})");
            lines.Open();
            lines.Add("continue;");
            lines.Close();
        }

        foreach (var step in Steps)
        {
            step.Render(context, body, flavor, lines);
        }

        if (Exit == ScratchExit.Break)
        {
            lines.Add($"if ({acc} > 2.0)");
            lines.Open();
            lines.Add("break;");
            lines.Close();
        }

        lines.Close();
        if (Repeated)
        {
            lines.Close();
        }

        if (ReadAfter)
        {
            lines.Add($"{acc} += 0.5 * {names[^1]}[0];");
        }

        return outer;
    }
}

/// <summary>What a <see cref="BufferStep"/> renders against: the buffers' names, the accumulator, and the outer loop's position.</summary>
internal sealed record ScratchContext(string[] Buffers, string Accumulator, string Position)
{
    public string Buffer(int index) => Buffers[index % Buffers.Length];
}

/// <summary>One statement of a <see cref="ScratchLoop"/>'s body. Every value it stores or adds is squashed by tanh.</summary>
internal abstract record BufferStep
{
    public abstract void Render(ScratchContext context, Scope scope, Flavor flavor, SourceLines lines);

    /// <summary>The scope of an inner loop over <c>q</c> whose expressions read the span at <c>(q + position) % w.Length</c>.</summary>
    protected static Scope ReadingSpan(ScratchContext context, Scope scope, string index = "q") =>
        scope with { Loop = scope.Loop! with { Element = $"({index} + {context.Position}) % w.Length" } };

    /// <summary>The scope of an inner loop over <c>q</c> whose expressions read buffer element <c>b[q]</c> as "the span element".</summary>
    protected static Scope ReadingBuffer(string buffer, Scope scope) =>
        scope with { SpanName = buffer, Loop = scope.Loop! with { Element = "q" } };

}

/// <summary><c>for (q …) b[q] = tanh(e + w[…]) [+ 0.5 * other[q % other.Length]];</c>: the whole buffer overwritten, from the span.</summary>
internal sealed record Fill(int Target, Expr Value, int Other) : BufferStep
{
    public override void Render(ScratchContext context, Scope scope, Flavor flavor, SourceLines lines)
    {
        var b = context.Buffer(Target);
        var reading = ReadingSpan(context, scope);
        var value = $"{flavor.MathClass}.Tanh({Value.Render(reading, flavor)} + w[{reading.Loop!.Element}])";
        var other = Other < 0 || context.Buffer(Other) == b ? "" : $" + 0.5 * {context.Buffer(Other)}[q % {context.Buffer(Other)}.Length]";
        lines.Block($"for (int q = 0; q < {b}.Length; q++)", $"{b}[q] = {value}{other};");
    }
}

/// <summary><c>for (q = 1 …) b[q] += tanh(e(b[q])) * b[q - 1];</c>: each element updated from the one before it.</summary>
internal sealed record Recur(int Target, Expr Value) : BufferStep
{
    public override void Render(ScratchContext context, Scope scope, Flavor flavor, SourceLines lines)
    {
        var b = context.Buffer(Target);
        var value = $"{flavor.MathClass}.Tanh({Value.Render(ReadingBuffer(b, scope), flavor)})";
        lines.Block($"for (int q = 1; q < {b}.Length; q++)", $"{b}[q] += {value} * {b}[q - 1];");
    }
}

/// <summary><c>for (q …) for (r &lt; q) t[q] += tanh(e) * s[r % s.Length];</c>: a strictly lower-triangular product, as Q·x in a mixture model.</summary>
internal sealed record Triangle(int Target, int Source, Expr Value) : BufferStep
{
    public override void Render(ScratchContext context, Scope scope, Flavor flavor, SourceLines lines)
    {
        var t = context.Buffer(Target);
        var s = context.Buffer(Source);
        var value = $"{flavor.MathClass}.Tanh({Value.Render(ReadingSpan(context, scope, "q + r"), flavor)})";
        lines.Add($"for (int q = 0; q < {t}.Length; q++)");
        lines.Open();
        lines.Block("for (int r = 0; r < q; r++)", $"{t}[q] += {value} * {s}[r % {s}.Length];");
        lines.Close();
    }
}

/// <summary><c>for (q …) b[q] *= 1 + 0.5 tanh(e(b[q]));</c>: every element scaled by a function of itself.</summary>
internal sealed record Scale(int Target, Expr Value) : BufferStep
{
    public override void Render(ScratchContext context, Scope scope, Flavor flavor, SourceLines lines)
    {
        var b = context.Buffer(Target);
        var value = Value.Render(ReadingBuffer(b, scope), flavor);
        lines.Block($"for (int q = 0; q < {b}.Length; q++)", $"{b}[q] *= 1.0 + 0.5 * {flavor.MathClass}.Tanh({value});");
    }
}

/// <summary><c>b[k % b.Length] = tanh(e);</c>: one element written, the rest left as the last iteration left them.</summary>
internal sealed record Poke(int Target, Expr Value) : BufferStep
{
    public override void Render(ScratchContext context, Scope scope, Flavor flavor, SourceLines lines)
    {
        var b = context.Buffer(Target);
        lines.Add($"{b}[k % {b}.Length] = {flavor.MathClass}.Tanh({Value.Render(scope, flavor)});");
    }
}

/// <summary>Reads a buffer into the accumulator: <c>a += tanh(e(b[q])) * b[q]</c>, or <c>a = 0.5 a + tanh(…) * b[q]</c> (a recurrence).</summary>
internal sealed record Accumulate(int Source, Expr Value, bool Recurrence) : BufferStep
{
    public override void Render(ScratchContext context, Scope scope, Flavor flavor, SourceLines lines)
    {
        var b = context.Buffer(Source);
        var a = context.Accumulator;
        var value = $"{flavor.MathClass}.Tanh({Value.Render(ReadingBuffer(b, scope), flavor)}) * {b}[q]";
        lines.Block($"for (int q = 0; q < {b}.Length; q++)", Recurrence ? $"{a} = 0.5 * {a} + {value};" : $"{a} += {value};");
    }
}
