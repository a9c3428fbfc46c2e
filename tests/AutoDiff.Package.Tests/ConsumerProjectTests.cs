using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace AutoDiff.Package.Tests;

/// <summary>End to end: a fresh console project adds the package from the local feed, declares a
/// [Differentiable] function, builds, runs, and prints gradients that the test checks against closed forms.</summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerProjectTests(PackageFixture package, ITestOutputHelper output)
{
    private const string FunctionSource = """
        using AutoDiff;

        namespace Consumer
        {
            public static partial class Functions
            {
                [Differentiable]
                public static double F(double x, double y) => x * x * y + Math.Sin(x);
            }
        }
        """;

    // Values print in round-trip format so the test compares the doubles the program computed.
    private const string ProgramSource = """
        using System.Globalization;
        using Consumer;

        const double x = 1.25, y = -0.75, seed = 0.5;
        double f = Functions.FWithGradient(x, y, out double dx, out double dy);
        double ax = 1.0, ay = 2.0;
        Functions.FPullback(x, y, seed, ref ax, ref ay);

        Print("f", f);
        Print("dx", dx);
        Print("dy", dy);
        Print("ax", ax);
        Print("ay", ay);

        static void Print(string name, double value) =>
            Console.WriteLine(name + "=" + value.ToString("R", CultureInfo.InvariantCulture));
        """;

    [Theory]
    [InlineData("10")]
    [InlineData("latest")]
    public void GeneratedGradientOfAFreshProjectMatchesTheClosedForm(string langVersion)
    {
        var clock = Stopwatch.StartNew();
        var project = new ConsumerProject(package, $"Consumer.CSharp{langVersion}", langVersion);
        project.WriteFile("Functions.cs", FunctionSource);
        project.WriteFile("Program.cs", ProgramSource);
        project.AddPackage();
        var printed = ParseAssignments(project.Run().StandardOutput);
        output.WriteLine($"LangVersion {langVersion}: add package + build + run took {clock.Elapsed.TotalSeconds:F1} s (pack, once for all tests: {package.PackDuration.TotalSeconds:F1} s)");

        const double x = 1.25, y = -0.75, seed = 0.5;
        AssertClose(x * x * y + Math.Sin(x), printed["f"]);
        AssertClose(2 * x * y + Math.Cos(x), printed["dx"]);     // ∂f/∂x
        AssertClose(x * x, printed["dy"]);                       // ∂f/∂y
        AssertClose(1.0 + seed * (2 * x * y + Math.Cos(x)), printed["ax"]); // the pullback adds into the adjoint
        AssertClose(2.0 + seed * (x * x), printed["ay"]);

        // Where docs/getting-started.md tells readers to look for the generated code.
        Assert.Contains(project.GeneratedFiles(),
            file => file.EndsWith("/generated/AutoDiff.Generator/AutoDiff.Generator.DifferentiableGenerator/Consumer.Functions.F.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void ConsumerRestoresOnlyThePackageAndItsRuntimeDependencies()
    {
        var project = new ConsumerProject(package, "Consumer.Restore", langVersion: null);
        project.AddPackage();

        // No Roslyn, no second AutoDiff package: the generator travels inside this one.
        var restored = project.RestoredPackageIds().Order(StringComparer.OrdinalIgnoreCase);
        var expected = package.DependencyIds.Append(PackageFixture.PackageId).Order(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(expected, restored, StringComparer.OrdinalIgnoreCase);
    }

    // Reverse mode evaluates the same products as the closed form, in another order: equal up to rounding.
    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1.0, Math.Abs(expected)),
            $"expected {expected:R}, got {actual:R}");

    private static Dictionary<string, double> ParseAssignments(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], CultureInfo.InvariantCulture));
}
