using System.Diagnostics;
using System.Reflection;

namespace AutoDiff.Samples.Greeks.Display;

/// <summary>
/// Whether the AutoDiff runtime in use was compiled with optimisations. Plain <c>dotnet run</c> builds it in Debug,
/// where the generated code's value stack is neither inlined nor optimised and checks every push, which slows the
/// generated gradient (not the plain pricing or objective) by about 2x; timings are only representative with
/// <c>-c Release</c>.
/// </summary>
public static class RuntimeBuild
{
    /// <summary>True when the JIT optimises AutoDiff.Runtime's code.</summary>
    public static bool IsOptimized =>
        typeof(CompilerServices.GradientStack<>).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;

    /// <summary>A note for under a timing table, or null when the runtime is optimised.</summary>
    public static string? TimingNote => IsOptimized
        ? null
        : "Note: AutoDiff.Runtime is a Debug build here (dotnet run builds Debug), which slows the generated gradient's value stack; " +
          "for representative timings run with -c Release.";
}
