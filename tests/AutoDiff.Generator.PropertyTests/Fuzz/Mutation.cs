using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoDiff.PropertyTests.Fuzz;

/// <summary>The ways a source is damaged.</summary>
internal enum MutationKind { DeleteToken, DuplicateToken, SwapTokens, ChangeType, InsertStatement, InsertToken, Truncate }

/// <summary>
/// One token-level edit. <see cref="Position"/> and <see cref="Choice"/> are raw random numbers reduced modulo the
/// token count and the option count, so any mutation applies to any source.
/// </summary>
internal sealed record Mutation(MutationKind Kind, int Position, int Choice)
{
    private static readonly string[] Types = ["float", "int", "string", "decimal", "object", "Value", "var", "dynamic", "double?", "Span<double>", "ref double", "out double", "double*"];

    // Statements outside what the transformation supports, and some it supports in odd places.
    private static readonly string[] Statements =
    [
        "goto L; L: ;", "try { } finally { }", "try { x = 1; } catch (Exception) { throw; }", "lock (typeof(object)) { }",
        "unsafe { double* p = null; }", "checked { }", "using (var d = new System.IO.MemoryStream()) { }", "throw new Exception();",
        "yield return 1;", "switch (1) { case 1: break; }", "foreach (var q in new[] { 1.0 }) { }", "do { } while (false);",
        "double Local(double q) => q * q;", "Func<double, double> f = q => q;", "return;", "return 1;", "return x;",
        "await System.Threading.Tasks.Task.Yield();", "fixed (double* p = new double[1]) { }", "stackalloc double[3];",
        "var t = (1.0, 2.0);", "x++;", "--x;", "x = x is double ? 1 : 0;", "break;", "continue;", "ref double r = ref x;",
        "#if DEBUG\n#endif", "/* comment */", "[Differentiable] static double G(double q) => q;",
    ];

    private static readonly string[] Tokens =
    [
        "{", "}", "(", ")", ";", ",", "?", ":", "=", "+=", "*", "-", "!", "[", "]", "<", ">", "static", "partial", "ref",
        "out", "in", "params", "async", "unsafe", "[Differentiable]", "[NoDerivative]", "[DerivativeOf(\"X\")]", "double",
        "Math.Sin", "new", "null", "default", "1e308", "NaN", "\"text\"", "'c'", "=>", "this", "class", "return", "#region",
    ];

    public string Apply(string source)
    {
        var tokens = SyntaxFactory.ParseTokens(source).Select(t => t.ToFullString()).ToList();
        if (tokens.Count < 2)
        {
            return source;
        }

        var at = Position % (tokens.Count - 1);
        switch (Kind)
        {
            case MutationKind.DeleteToken:
                tokens.RemoveAt(at);
                break;
            case MutationKind.DuplicateToken:
                tokens.Insert(at, tokens[at] + " ");
                break;
            case MutationKind.SwapTokens:
                (tokens[at], tokens[at + 1]) = (tokens[at + 1], tokens[at]);
                break;
            case MutationKind.ChangeType:
                var doubles = tokens.Select((t, i) => (t, i)).Where(p => p.t.Trim() is "double" or "float").Select(p => p.i).ToList();
                if (doubles.Count > 0)
                {
                    var index = doubles[Position % doubles.Count];
                    tokens[index] = tokens[index].Replace(tokens[index].Trim(), Types[Choice % Types.Length]);
                }

                break;
            case MutationKind.InsertStatement:
                var places = tokens.Select((t, i) => (t, i)).Where(p => p.t.Trim() is "{" or ";").Select(p => p.i).ToList();
                if (places.Count > 0)
                {
                    tokens.Insert(places[Position % places.Count] + 1, " " + Statements[Choice % Statements.Length] + " ");
                }

                break;
            case MutationKind.InsertToken:
                tokens.Insert(at, " " + Tokens[Choice % Tokens.Length] + " ");
                break;
            default:
                tokens.RemoveRange(at, tokens.Count - at);
                break;
        }

        return string.Concat(tokens);
    }
}
