using AutoDiff;

namespace AutoDiff.Samples.Seeds;

/// <summary>The seeds' expression graphs: building them, reading them, drawing them, back-propagating them.</summary>
internal static class ExpressionGraphExamples
{
    public static void Run(GraphOutput graphs)
    {
        Console.WriteLine();
        Console.WriteLine("== Value a*b + c with labels (seeds 002, 004)");
        var a = new Value(2.0, "a");
        var b = new Value(-3.0, "b");
        var c = new Value(10.0, "c");
        Value e = a * b;
        e.Label = "e";
        Value d = e + c;
        d.Label = "d";
        Console.WriteLine($"a + b = {a + b}, a * b = {a * b}");
        Console.WriteLine($"d = {d}, d.Op = '{d.Op}', d's children: {string.Join(", ", d.Children)}");
        graphs.Draw("d-forward", d);

        Console.WriteLine();
        Console.WriteLine("== L = (a*b + c) * f, back-propagated (seeds 001 manual backprop, 004)");
        var f = new Value(-2.0, "f");
        Value L = d * f;
        L.Label = "L";
        L.Backward();
        Console.WriteLine($"L = {L.Data}");
        foreach (Value v in new[] { L, d, f, e, c, a, b })
        {
            Console.WriteLine($"  dL/d{v.Label} = {v.Grad}");
        }

        graphs.Draw("L-backward", L);

        Console.WriteLine();
        Console.WriteLine("== f = (a + b) + c*g (seed 000)");
        var a0 = new Value(10.0, "a");
        var b0 = new Value(5.0, "b");
        var c0 = new Value(7.0, "c");
        var g0 = new Value(10.0, "g");
        Value d0 = a0 + b0;
        d0.Label = "d";
        Value e0 = c0 * g0;
        e0.Label = "e";
        Value f0 = d0 + e0;
        f0.Label = "f";
        f0.Backward();
        Console.WriteLine($"f = {f0.Data}; df/dd = {d0.Grad}, df/de = {e0.Grad}, df/da = {a0.Grad}, df/db = {b0.Grad}, df/dc = {c0.Grad}, df/dg = {g0.Grad}");
        graphs.Draw("seed000-sum", f0);

        Console.WriteLine();
        Console.WriteLine("== e = c ** d with c = a + b, d = a * b (seed 000)");
        var a1 = new Value(3.0, "a");
        var b1 = new Value(4.0, "b");
        Value c1 = a1 + b1;
        c1.Label = "c";
        Value d1 = a1 * b1;
        d1.Label = "d";
        Value e1 = c1.Pow(d1);
        e1.Label = "e";
        e1.Backward();
        Console.WriteLine($"e = {e1.Data}; de/da = {a1.Grad:R}, de/db = {b1.Grad:R}");
        Console.WriteLine($"  (de/dc = d·c^(d-1) = {c1.Grad:R}, de/dd = c^d·ln c = {d1.Grad:R})");
        graphs.Draw("seed000-pow", e1);
    }
}
