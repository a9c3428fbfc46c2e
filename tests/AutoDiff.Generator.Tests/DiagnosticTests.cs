using AutoDiff.Generator.Emit;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AutoDiff.Generator.Tests;

/// <summary>Each diagnostic fires with its id at the construct it names (marked ⟦ in the source).</summary>
public class DiagnosticTests
{
    private const string Header = "using System;\nusing AutoDiff;\nnamespace Samples;\n";

    [Theory]
    // On the tape numbers are Values: a call that would compare, hash or keep them outside the body is refused.
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; var l = new System.Collections.Generic.List<double> { w[0] }; double r = ⟦l.Contains(w[1]) ? w[1] : 0; return id(r); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; double a = w[0]; double r = ⟦a.Equals(w[1]) ? w[1] : 0; return id(r); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; var s = new System.Collections.Generic.HashSet<double>(); ⟦s.Add(w[0] * w[1]); return id(s.Count); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; var b = new System.Text.StringBuilder(); ⟦b.Append(w[0]); return id(w[1]); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; double[] b = { w[1], w[0] }; ⟦Array.Sort(b); return id(b[0]); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; double[] b = { w[1], w[0] }; ⟦Array.Resize(ref b, 3); return id(b[0]); } }")]
    [InlineData("AD0004", "public sealed class Box { public double V; } public static partial class C { static void Put(Box b, double v) => b.V = v; [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; var b = new Box(); ⟦Put(b, w[0]); return id(b.V); } }")]
    [InlineData("AD0004", "public static partial class C { static double Acc; static void Keep(double v) => Acc += v; [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; ⟦Keep(w[0] * w[1]); return id(Acc); } }")]
    // Numbers in shapes the tape cannot hold as Values (TapeShapes): these generated code that did not compile.
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; var ⟦m = new double[2][]; m[0] = new double[] { w[0] }; return id(m[0][0]); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; var ⟦m = new double[2, 2]; m[0, 0] = w[0]; return id(m[0, 0] * w[1]); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; double? ⟦m = w[0] > 0 ? w[0] : null; return id(m.HasValue ? m.Value * w[1] : w[1]); } }")]
    [InlineData("AD0004", "public struct P { public double X, Y; public P(double x, double y) { X = x; Y = y; } } public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; var p = ⟦new P(w[0], w[1]); return id(p.X * p.Y); } }")]
    [InlineData("AD0004", "public sealed class Node { public double V; } public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; var n = ⟦new Node { V = w[0] }; return id(n.V * w[1]); } }")]
    [InlineData("AD0004", "public struct P { public double X; } public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; P p = default; ⟦p.X = w[0]; return id(p.X * w[1]); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; decimal m = ⟦(decimal)w[0]; return id(w[1] * (double)m); } }")]
    // Found by the eighth sweep: constructs the tape ran wrong, threw on or could not compile (TapeShapes, TapeWrites,
    // the allow-list of collection members, HelperEffects).
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(double x, double y) => Math.Abs(x) switch { < 1.0 => 0.5 * x * x, ⟦var a => a * y }; }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; double[] b = { w[0], 0.0 }; int k = ⟦b.AsSpan().LastIndexOfAnyExcept(0.0); return id(w[k]); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; (double a, double b) p = ⟦default; p.a += w[0]; return id(p.a); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; object o = Boxed; double v = ⟦(double)o; return id(v * w[0]); } static readonly object Boxed = 1.5; }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; Func<double, double> ⟦f = Math.Tanh; return id(f(w[0])); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { ⟦double Scale(double v, double k = 2.0) => v * k; return Scale(w[0]) * Scale(w[1], 3.0); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w, [NoDerivative] double c) { Func<double, double> id = t => t; ⟦c = c * w[0]; return id(c); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> data) { Func<double, double> id = t => t; ReadOnlySpan<double> ⟦row = data.Slice(1); return id(w[0] * row[0]); } }")]
    [InlineData("AD0004", "public static partial class C { static readonly System.Collections.Generic.List<double> Seen = new(); [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; ⟦Seen.Add(w[0]); return id(w[0] * w[1]); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; var a = new { X = w[0] }; var b = new { X = w[1] }; return id(⟦a.Equals(b) ? w[0] : w[1]); } }")]
    [InlineData("AD0004", "public static class Trace<T> { public static readonly System.Collections.Generic.List<T> Items = new(); } public static partial class C { static bool Record<T>(T v) { Trace<T>.Items.Add(v); return true; } [Differentiable] public static double F(ReadOnlySpan<double> w) { bool kept = ⟦Record(w[0] * w[1]); return Trace<double>.Items[0] * w[2]; } }")]
    [InlineData("AD0004", "public sealed class TooLarge : Exception { public double Limit { get; } public TooLarge(double limit) { Limit = limit; } } public static partial class C { static bool Check(double v) { if (v > 0.5) { throw new TooLarge(v); } return true; } [Differentiable] public static double F(ReadOnlySpan<double> w) { bool ok = ⟦Check(w[0] * w[1]); return ok ? w[0] : w[1]; } }")]
    [InlineData("AD0004", "public readonly struct Tally { public readonly int N; public Tally(int n) { N = n; } public static Tally operator +(Tally a, double v) { Log.Last = v; return new Tally(a.N + 1); } } public static class Log { public static double Last; } public static partial class C { static int Count(double v) => (new Tally(0) + v).N; [Differentiable] public static double F(ReadOnlySpan<double> w) { int n = ⟦Count(w[0] * w[1]); return Log.Last * w[2] + n; } }")]
    [InlineData("AD0004", "public static partial class C { static readonly Func<double, double> Activation = v => Math.Tanh(v); [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; Func<double, double> ⟦f = Activation; return id(f(w[0]) * w[1]); } }")]
    [InlineData("AD0004", "public static partial class C { static event Action<double> Stepped; [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; Stepped?⟦.Invoke(w[0]); return id(w[0] * w[1]); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; Half h = ⟦(Half)w[0]; return id(w[1] * (double)h); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; T Twice<T>(T v) where T : System.Numerics.INumber<T> => v + v; return id(⟦Twice(w[0]) * w[1]); } }")]
    // Found by the seventh sweep: calls the transformation would pass by position to the wrong parameter.
    [InlineData("AD0004", "public static partial class C { [Differentiable] static double Lin(double a, double b) => 3 * a + b * b; [Differentiable] public static double F(double x, double y) => Lin(⟦b: x, a: y); }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(double x, double y) => Math.Atan2(⟦x: x, y: y + 1); }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> x) { ReadOnlySpan<double> v = x.Slice(⟦length: 2, start: 1); return v[0] * v[1]; } }")]
    [InlineData("AD0004", "public static class Ext { [Differentiable] public static double Softish(this double v) => Math.Log(1 + Math.Exp(v)); } public static partial class C { [Differentiable] public static double F(double x) => 2 * ⟦x.Softish(); }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] static double Scaled(double v, double k = 2.5) => v * k; [Differentiable] public static double F(double x) => ⟦Scaled(x) * x; }")]
    // Found by the tenth sweep: text read from chars, delegate types of the user's, a span parameter reassigned, a
    // lambda of numbers handed to a plain method.
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; string s = \"1.5\"; return id(⟦double.Parse(s.AsSpan()) * w[0]); } }")]
    [InlineData("AD0004", "public delegate double Scale(double v); public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; Scale ⟦s = v => v * w[1]; return id(s(w[0])); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(Span<double> w) { Func<double, double> id = t => t; ⟦w = w.Slice(1); return id(w[0]); } }")]
    [InlineData("AD0004", "public static partial class C { static double Call(Func<double> f) => f(); [Differentiable] public static double F(double x, double y) { Func<double, double> id = t => t; return id(Call(⟦() => x * y)); } }")]
    // A helper handed numbers must keep none of them, on the static path as on the tape (found by an adversarial sweep:
    // the number came back through the table as a constant, and the gradient lost its part).
    [InlineData("AD0004", "public static class Stash { public static readonly double[] Buf = new double[1]; public static int Put(double v) { Buf[0] = v; return 1; } } public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { int k = ⟦Stash.Put(w[0] * w[1]); return Stash.Buf[0] * w[2] + k; } }")]
    [InlineData("AD0004", "public static class Stash { static double _s; public static double S => _s; public static bool Put(double v) { _s = v; return true; } } public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; bool kept = ⟦Stash.Put(w[0]); return id(kept ? Stash.S * w[1] : w[1]); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; return id(⟦w[0] % w[1]); } }")]
    [InlineData("AD0004", "public static partial class C { static void Halve(double v, out double half) => half = v / 2; [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; ⟦Halve(w[0], out double h); return id(h); } }")]
    [InlineData("AD0004", "public static partial class C { static readonly double[] Table = { 1.0, 2.0 }; [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; double[] b = new double[2]; ⟦Array.Copy(Table, b, 2); return id(b[0] * w[0]); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; var d = new System.Collections.Generic.Dictionary<int, double> { [0] = w[0] }; return id(⟦System.Collections.Generic.CollectionExtensions.GetValueOrDefault(d, 1)); } }")]
    [InlineData("AD0004", "public static partial class C { static double Total(ReadOnlySpan<double> v) => v[0] + v[1]; [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; return id(⟦Total(w)); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; var a = (w[0] * 2, 1.0); var b = (w[0] + w[0], 1.0); return id(⟦a == b ? w[1] : w[2]); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; object o = ⟦w[0]; return id(o is double d ? d : w[1]); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; double[] a = { w[0], w[0] }; var set = ⟦new System.Collections.Generic.HashSet<double>(); return id(set.Count * w[1]); } }")]
    [InlineData("AD0004", "public record struct P(double X); public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; var p = new P(1.0); var q = new P(1.0); return id(⟦p == q ? w[0] : w[1]); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; var l = new System.Collections.Generic.List<double> { w[1], w[0] }; ⟦l.Sort(); return id(l[0]); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; return id(⟦double.Parse($\"{w[0]}\", System.Globalization.CultureInfo.InvariantCulture)); } }")]
    [InlineData("AD0004", "public interface IKeep { int Keep(double v); } public static class Keeper { public static IKeep K = null!; public static int Put(double v) => K.Keep(v); } public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { int k = ⟦Keeper.Put(w[0]); return w[1] * k; } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; var l = new System.Collections.Generic.List<(double, int)> { (w[0] * 2, 1) }; return id(⟦l.Contains((w[0] + w[0], 1)) ? w[1] : w[2]); } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; double[] a = { w[0], 0.5, w[1] }; return id(⟦Array.IndexOf(a, 0.5) * w[2]); } }")]
    [InlineData("AD0004", "public static class Same { public static bool AllSame(this double[] a) => a[0].Equals(a[1]); } public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; double[] a = { w[0] * 2, w[0] + w[0] }; return id(⟦a.AllSame() ? w[1] : w[2]); } }")]
    [InlineData("AD0004", "public static class Same { public static bool First<T>(System.Collections.Generic.List<T> l) => l[0]!.Equals(l[1]); } public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { Func<double, double> id = t => t; var l = new System.Collections.Generic.List<double> { w[0] * 2, w[0] + w[0] }; return id(⟦Same.First(l) ? w[1] : w[2]); } }")]
    [InlineData("AD0004", "public static class Stash { public static double S; public static int Put(double v) { int k; (S, k) = (v, 1); return k; } } public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { int k = ⟦Stash.Put(w[0]); return Stash.S * w[1] + k; } }")]
    [InlineData("AD0004", "public sealed class Tok { public static double Last; public static implicit operator Tok(double v) { Last = v; return new Tok(); } } public static class Stash { public static int Put(double v) { Tok t = v; return 1; } } public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> w) { int k = ⟦Stash.Put(w[0]); return w[1] * k; } }")]
    [InlineData("AD0001", "public static class ⟦Plain { [Differentiable] public static double F(double x) => x; }")]
    [InlineData("AD0002", "public static partial class C { [Differentiable] public static ⟦int F(double x) => 1; }")]
    [InlineData("AD0003", "public static partial class C { [Differentiable] public static double F(⟦ref double x) => x; }")]
    [InlineData("AD0003", "public static partial class C { [Differentiable] public static double F(⟦double[][] w, double x) => x * w.Length; }")]
    [InlineData("AD0003", "public static partial class C { [Differentiable] public static double F(double x, ⟦System.Collections.Generic.List<double> w) => x; }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(double x) { ⟦goto end; end: return x; } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(Span<double> w) { if (w.Length == 1) { return w[0]; } return w[0] * F(⟦w.Slice(1)); } }")]
    // A thrown exception is written into the generated method (corpus Throws): it may not name a view, which the
    // generated code keeps as a start and a length, nor call an extension method, whose using the generated file lacks.
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> x) { ReadOnlySpan<double> head = x.Slice(0, 2); if (head[0] < 0) { throw new ArgumentException($\"{⟦head.Length}\"); } return head[1]; } }")]
    [InlineData("AD0004", "public static class E { public static int Twice(this int n) => 2 * n; } public static partial class C { [Differentiable] public static double F(double x, int n) { if (n < 0) { throw new ArgumentException(\"bad \" + ⟦n.Twice()); } return x * n; } }")]
    // A body that always throws has no value to differentiate.
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(double x) { double y = x * x; { ⟦throw new InvalidOperationException(); } } }")]
    // A void call runs as written only when it can change nothing the body reads: not with a buffer it could write.
    [InlineData("AD0004", "public static partial class C { static void Zero(Span<double> b) => b.Clear(); [Differentiable] public static double F(double x) { Span<double> b = stackalloc double[2]; b[0] = x; ⟦Zero(b); return b[0] * x; } }")]
    // A throw inside a larger expression runs on the tape: a conditional's branch, a switch expression that is part of a value.
    [InlineData("AD0011", "public static partial class C { [Differentiable] public static double F(double x) => x > 0 ? x : ⟦throw new ArgumentException(); }")]
    [InlineData("AD0011", "public static partial class C { [Differentiable] public static double F(double x, int n) => 2 * (⟦n switch { 1 => x, _ => throw new ArgumentException() }); }")]
    [InlineData("AD0005", "public static partial class C { static double Helper(double v) => v; [Differentiable] public static double F(double x) => 2 * ⟦Helper(x); }")]
    [InlineData("AD0006", "public static partial class C { [Differentiable] public static double F(double x) => x; [DerivativeOf(nameof(F))] public static void ⟦FBack(double x, ref double dx) { } }")]
    [InlineData("AD0007", "public static partial class C { [Differentiable] public static double ⟦F(double x, int n) => 3.0 * n; }")]
    [InlineData("AD0008", "public static partial class C { [Differentiable] public static double ⟦F(double x) => x; public static int FPullback => 0; }")]
    [InlineData("AD0009", "public partial class C { [Differentiable] public double ⟦F(double x) => x; }")]
    [InlineData("AD0009", "public static partial class C { [Differentiable] public static double ⟦F<T>(double x) => x; }")]
    [InlineData("AD0011", "public static partial class C { [Differentiable] public static double F(double x, int n) => n == 0 ? x : x * ⟦F(x, n - 1); }")]
    // A switch is an if/else chain unless a section breaks out of its middle, or a switch expression has no '_' arm.
    [InlineData("AD0011", "public static partial class C { [Differentiable] public static double F(double x, int n) { double s = 0; switch (n) { case 1: if (x > 0) { ⟦break; } s = x; break; default: s = -x; break; } return s; } }")]
    [InlineData("AD0011", "public static partial class C { [Differentiable] public static double F(double x, int n) => ⟦n switch { 1 => x, 2 => x * x, };}")]
    [InlineData("AD0013", "public static partial class C { [Differentiable] public static ⟦(double, int) F(double x) => (x, 1); }")]
    [InlineData("AD0013", "public static partial class C { [Differentiable] public static void ⟦F(ReadOnlySpan<double> x, Span<double> r) { for (int i = 0; i < x.Length; i++) { r[i] += x[i]; } } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(double[] v) => ⟦System.Linq.Enumerable.Sum(System.Linq.Enumerable.Select(v, t => t * t)); }")]
    // Refusals found writing held-out-style code (corpus ControlFlow): an increment inside an index, a mutable static
    // field, a copy of a span passed to a differentiable helper, a vector-valued helper called as a statement; an int
    // buffer, once refused too, now sends the body to the tape.
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> x) { int k = 0; double s = 0; while (k < x.Length - 1) { s += x[⟦k++] * x[k]; } return s; } }")]
    [InlineData("AD0011", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> x) { Span<int> ⟦order = stackalloc int[2]; order[0] = 1; return x[order[0]]; } }")]
    [InlineData("AD0004", "public static partial class C { static double Scale = 1.5; [Differentiable] public static double F(double x) => x * ⟦Scale; }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] static double Sum(ReadOnlySpan<double> a) { double s = 0; for (int i = 0; i < a.Length; i++) { s += a[i]; } return s; } [Differentiable] public static double F(ReadOnlySpan<double> x) => Sum(⟦x.ToArray()); }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] static void Twice(ReadOnlySpan<double> v, Span<double> o) { for (int i = 0; i < v.Length; i++) { o[i] = 2 * v[i]; } } [Differentiable] public static double F(ReadOnlySpan<double> x) { Span<double> u = stackalloc double[2]; ⟦Twice(x, u); return u[0]; } }")]
    // Static readonly arrays are tables a body reads (corpus Tables); it may not write one, pass one to a
    // differentiable helper as a span, or read a static array that is not readonly.
    [InlineData("AD0004", "public static partial class C { static readonly double[] T = { 1, 2 }; [Differentiable] public static double F(double x) { ⟦T[0] = x; return x * T[1]; } }")]
    [InlineData("AD0004", "public static partial class C { static readonly double[] T = { 1, 2 }; [Differentiable] static double Sum(ReadOnlySpan<double> a) => a[0] + a[1]; [Differentiable] public static double F(double x) => x * Sum(⟦T); }")]
    [InlineData("AD0004", "public static partial class C { static double[] T = { 1, 2 }; [Differentiable] public static double F(double x) => x * ⟦T[1]; }")]
    [InlineData("AD0004", "public static partial class C { static readonly double[,] T = { { 1, 2 } }; [Differentiable] public static double F(double x) => x * ⟦T[0, 1]; }")]
    // CopyTo, Clear and Fill run as loops only into a local buffer (corpus SpanCalls).
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> x, Span<double> y) { x.CopyTo(⟦y); return y[0]; } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> x, double[] y) { x.Slice(1).CopyTo(⟦y.AsSpan(1)); return y[0]; } }")]
    // Views are fixed (corpus Views): a writable one of a parameter, a copy between views of one buffer, one assigned again, a range of a local array
    // (C# copies the array, so the copy would not see later writes; AsSpan views it) and a view of a table passed
    // to a differentiable helper (a table is no call argument) are refused, as are Array.Clear and Array.Fill over part of an array.
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(double[] x) { Span<double> ⟦part = x[1..3]; part[0] = 1; return x[1]; } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(double[] x) { Span<double> ⟦part = x.AsSpan(1, 2); part[0] = 1; return x[1]; } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> x) { Span<double> a = stackalloc double[4]; x.CopyTo(a); Span<double> part = a.Slice(1, 2); ReadOnlySpan<double> from = a[..2]; ⟦from.CopyTo(part); return a[1]; } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> x) { ReadOnlySpan<double> v = x.Slice(0, 2); ⟦v = x.Slice(1, 2); return v[0]; } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> x) { var b = new double[3]; ReadOnlySpan<double> v = ⟦b[0..2]; b[0] = x[0]; return v[0]; } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> x) { var b = new double[3]; b[1] = x[0]; ⟦Array.Clear(b, 0, 1); return b[1]; } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> x) { var b = new double[3]; ⟦Array.Fill(b, x[0], 1, 2); return b[1]; } }")]
    [InlineData("AD0004", "public static partial class C { static readonly double[] T = { 1, 2, 3 }; [Differentiable] static double Sum(ReadOnlySpan<double> a) => a[0] + a[1]; [Differentiable] public static double F(ReadOnlySpan<double> x) { ReadOnlySpan<double> v = T[1..]; return Sum(⟦v) * x[0]; } }")]
    // Remainder, shift and bitwise compound assignments apply to int (and &= |= ^= to bool) locals, not to a double.
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(double x) { double y = 3 * x; ⟦y %= 2; return y; } }")]
    // A step inside a statement runs as a statement of its own only when it always runs: not under a ?: branch or
    // the right of &&; a plain helper returning an int reads a span parameter, not a local buffer the body changes.
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> x) { int k = 0; double s = 0; for (int i = 0; i < x.Length; i++) { s += x[i] > 0 ? x[⟦k++ % x.Length] : 0; } return s; } }")]
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> x) { int k = 0; bool ok = x[0] > 0 && x[⟦++k] > 0; return ok ? x[k] : 0; } }")]
    // A while condition's steps run as statements at the top of the loop, operand by operand of its && chain; right of || a step may not run.
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> x) { int k = 0; double s = 0; while (s > 5 || ⟦k++ < x.Length - 1) { s += x[k]; } return s; } }")]
    // A do loop's stepping condition runs at the end of the body, where a continue would not go.
    [InlineData("AD0004", "public static partial class C { [Differentiable] public static double F(ReadOnlySpan<double> x) { int k = 0; double s = 0; do { s += x[k]; if (s > 2) { ⟦continue; } s *= 0.5; } while (++k < x.Length); return s; } }")]
    [InlineData("AD0004", "public static partial class C { static int Best(ReadOnlySpan<double> v) => v[0] > v[1] ? 0 : 1; [Differentiable] public static double F(ReadOnlySpan<double> x) { Span<double> b = stackalloc double[2]; b[0] = x[1]; b[1] = x[0]; return x[Best(⟦b)]; } }")]
    [InlineData("AD0005", "public static partial class C { static double Half(double v) => v / 2; [Differentiable] public static double F(double x) => x * ⟦Half(x); }")]
    // A varying value passed to a [NoDerivative] parameter: a number, a span, a view; not a constant buffer, not data.
    [InlineData("AD0014", "public static partial class C { [Differentiable] static double S(double a, [NoDerivative] double k) => a * k; [Differentiable] public static double F(double x) => S(x, ⟦x * 2); }")]
    [InlineData("AD0014", "public static partial class C { [Differentiable] static double D(ReadOnlySpan<double> a, [NoDerivative] ReadOnlySpan<double> b) => a[0] * b[0]; [Differentiable] public static double F(ReadOnlySpan<double> x, [NoDerivative] ReadOnlySpan<double> data) => D(x, data) + D(x, ⟦x); }")]
    [InlineData("AD0014", "public static partial class C { [Differentiable] static double D(ReadOnlySpan<double> a, [NoDerivative] ReadOnlySpan<double> b) => a[0] * b[0]; [Differentiable] public static double F(ReadOnlySpan<double> x) { Span<double> c = stackalloc double[2]; c[0] = 1; c[1] = 2; return D(x, c) + D(x, ⟦x.Slice(1, 2)); } }")]
    // A body that runs on the tape (a lambda sends it there) cannot call generated derivatives.
    [InlineData("AD0004", "public static partial class C { [Differentiable] static double Sum(ReadOnlySpan<double> a) => a[0] + a[1]; [Differentiable] public static double F(ReadOnlySpan<double> x) { Func<int, int> keep = q => q; return ⟦Sum(x) * keep(1); } }")]
    public void Diagnostic_fires_at_the_construct(string id, string code)
    {
        var marker = (Header + code).IndexOf('⟦');
        var source = (Header + code).Replace("⟦", string.Empty);
        var result = GeneratorHarness.Run(source);
        var diagnostics = result.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(marker, diagnostic.Location.SourceSpan.Start);
        Assert.StartsWith("https://github.com/autodiff-dotnet/autodiff/blob/main/docs/diagnostics.md#" + id.ToLowerInvariant(), diagnostic.Descriptor.HelpLinkUri);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "AD0010");
    }

    [Fact]
    public void Unsupported_statement_is_named_in_the_message()
    {
        var result = GeneratorHarness.Run(Header + "public static partial class C { [Differentiable] public static double F(double x) { goto end; end: return x; } }");
        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "AD0004");
        Assert.Contains("'goto' statement is not differentiable", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Zero_derivative_is_a_warning_and_code_is_still_generated()
    {
        var result = GeneratorHarness.Run(Header + "public static partial class C { [Differentiable] public static double F(double x, int n) => 3.0 * n; }");
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(result.GeneratorDiagnostics).Severity);
        Assert.Single(result.RunResult.Results.Single().GeneratedSources);
        Assert.Empty(result.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_method_that_fails_gets_no_members_and_the_others_still_do()
    {
        var result = GeneratorHarness.Run(Header + """
            public static partial class C
            {
                [Differentiable] public static double Good(double x) => x * x;
                [Differentiable] public static double Bad(double x) { goto end; end: return x; }
                public static double Use(double x) => GoodWithGradient(x, out _);
            }
            """);
        Assert.Single(result.GeneratorDiagnostics, d => d.Id == "AD0004");
        var generated = Assert.Single(result.RunResult.Results.Single().GeneratedSources);
        Assert.Contains("GoodWithGradient", generated.SourceText.ToString());
        Assert.DoesNotContain(result.CompilationDiagnostics, d => d.Severity == DiagnosticSeverity.Error && !d.Location.SourceTree!.FilePath.EndsWith("Source0.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void An_internal_failure_becomes_AD0010_not_an_exception()
    {
        // A model no parser produces: the writer cannot handle the statement and must report, not throw.
        var model = new MethodModel(
            null, EquatableArray.Of(new ContainingTypeModel("class", "C")), EquatableArray<string>.Empty, "F", "public", NumKind.Double,
            EquatableArray.Of(new ParameterModel("x", "double", ParamRole.Scalar, NumKind.Double, "dx")), "seed",
            EquatableArray.Of<Stmt>(new ContinueStmt(1, "continue;")), null, null, null, "C.F.g.cs");
        var (source, error) = Emitter.TryEmit(model, null);
        Assert.Null(source);
        Assert.Equal("AD0010", error!.Id);
    }

    [Fact]
    public void Whole_corpus_generates_without_exceptions_or_CS8785()
    {
        foreach (var name in CorpusFiles.Names)
        {
            var result = GeneratorHarness.Run(CorpusFiles.Source(name));
            Assert.All(result.RunResult.Results, r => Assert.Null(r.Exception));
            Assert.DoesNotContain(result.AllDiagnostics, d => d.Id is "CS8785" or "AD0010");
            Assert.DoesNotContain(result.AllDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        }
    }
}
