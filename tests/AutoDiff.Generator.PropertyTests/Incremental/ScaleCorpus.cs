using System.Text;

namespace AutoDiff.PropertyTests.Incremental;

/// <summary>
/// A project with 200 [Differentiable] methods: 10 files × 4 partial types × 5 methods, each body distinct.
/// Method (f, t, m) contains the constant <c>1.{f}{t}{m}5</c> once, so one edit touches exactly one method.
/// </summary>
internal static class ScaleCorpus
{
    public const int Files = 10;
    public const int TypesPerFile = 4;
    public const int MethodsPerType = 5;
    public const int Methods = Files * TypesPerFile * MethodsPerType;

    public static string FilePath(int file) => $"Scale{file}.cs";

    public static IEnumerable<(string Path, string Source)> Sources() =>
        Enumerable.Range(0, Files).Select(f => (FilePath(f), File(f)));

    /// <summary>The constant only method (f, t, m) contains.</summary>
    public static string Marker(int file, int type, int method) => $"1.{file}{type}{method}5";

    private static string File(int file)
    {
        var text = new StringBuilder("using System;\nusing AutoDiff;\n\nnamespace Scale\n{\n");
        for (var type = 0; type < TypesPerFile; type++)
        {
            text.Append($"    public static partial class Type{file}x{type}\n    {{\n");
            for (var method = 0; method < MethodsPerType; method++)
            {
                var c = Marker(file, type, method);
                var body = method switch
                {
                    0 => $"x * y + Math.Sin({c} * x)",
                    1 => $"Math.Exp(-x * x / {c}) + y * y",
                    2 => $"Math.Log(1 + x * x) * Math.Tanh(y - {c})",
                    3 => $"(x - {c}) * (x - {c}) + 100 * (y - x * x) * (y - x * x)",
                    _ => $"Math.Sqrt(1 + x * x + y * y) / {c}",
                };
                text.Append($"        [Differentiable]\n        public static double M{method}(double x, double y) => {body};\n\n");
            }

            text.Append("    }\n\n");
        }

        return text.Append("}\n").ToString();
    }
}
