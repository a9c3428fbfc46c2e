using System.Reflection;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace AutoDiff.Generator.Tests.Infrastructure;

/// <summary>
/// Checked-in expected generated code under Baselines/. Set AUTODIFF_UPDATE_BASELINES=1 to rewrite them
/// when a change in generated code is intended; otherwise a mismatch fails with a unified diff.
/// </summary>
internal static class Baselines
{
    public static string Directory { get; } = Path.Combine(
        typeof(Baselines).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!,
        "Baselines");

    private static bool Updating => Environment.GetEnvironmentVariable("AUTODIFF_UPDATE_BASELINES") == "1";

    public static string PathOf(string corpus, string hintName) => Path.Combine(Directory, corpus, hintName);

    public static void Verify(string corpus, string hintName, string actual)
    {
        var path = PathOf(corpus, hintName);
        actual = actual.Replace("\r\n", "\n");
        if (Updating)
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No baseline {path}; run the tests with AUTODIFF_UPDATE_BASELINES=1 to create it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != actual)
        {
            Assert.Fail($"Generated {hintName} differs from {path} (rerun with AUTODIFF_UPDATE_BASELINES=1 if intended):\n{UnifiedDiff(expected, actual)}");
        }
    }

    /// <summary>Changed lines with two lines of context, '-' for the baseline and '+' for the new output.</summary>
    public static string UnifiedDiff(string expected, string actual)
    {
        var lines = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false).Lines;
        var output = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var nearChange = Enumerable.Range(Math.Max(0, i - 2), Math.Min(lines.Count, i + 3) - Math.Max(0, i - 2))
                .Any(j => lines[j].Type != ChangeType.Unchanged);
            if (!nearChange)
            {
                continue;
            }

            var prefix = lines[i].Type switch
            {
                ChangeType.Deleted => "- ",
                ChangeType.Inserted => "+ ",
                _ => "  ",
            };
            output.Append(prefix).Append(lines[i].Text).Append('\n');
        }

        return output.ToString();
    }
}
