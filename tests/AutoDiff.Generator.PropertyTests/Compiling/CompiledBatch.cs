using System.Text.RegularExpressions;
using AutoDiff.PropertyTests.Programs;
using Microsoft.CodeAnalysis;

namespace AutoDiff.PropertyTests.Compiling;

/// <summary>The entry points of one random function in a loaded batch; generated and tape members are null when not compiled in.</summary>
internal sealed record FunctionEntry(int Id, RandomFunction Function, EvalFn Eval, GradFn? Generated, PullbackFn? Pullback, GradFn? Tape, bool FellBackToTape, JvpFn? Jvp = null, HvpFn? Hvp = null, bool IterationAdjoints = false, bool Slices = false);

/// <summary>
/// Many random functions in one in-memory compilation run through the generator. A function whose program the
/// generator rejects, or whose generated code does not compile, is recorded with the reason and left out; the
/// rest are compiled and loaded.
/// </summary>
internal sealed partial class CompiledBatch : IDisposable
{
    private const string Usings = "using System;\nusing AutoDiff;\n\n";

    private readonly LoadedAssembly? _assembly;

    private CompiledBatch(LoadedAssembly? assembly, IReadOnlyList<FunctionEntry> entries, IReadOnlyDictionary<int, string> rejected)
    {
        _assembly = assembly;
        Entries = entries;
        Rejected = rejected;
    }

    /// <summary>Loaded functions, by their index in the batch.</summary>
    public IReadOnlyList<FunctionEntry> Entries { get; }

    /// <summary>Batch index → why the function could not be compiled with its generated gradient.</summary>
    public IReadOnlyDictionary<int, string> Rejected { get; }

    public static CompiledBatch Compile(IReadOnlyList<RandomFunction> functions, bool withGenerator = true, bool withTape = true)
    {
        var rejected = new Dictionary<int, string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var ids = Enumerable.Range(0, functions.Count).Where(i => !rejected.ContainsKey(i)).ToArray();
            var trees = ids.SelectMany(id => Trees(functions[id], id, withGenerator, withTape)).ToList();
            var input = TestCompilation.Create("RandomPrograms" + Guid.NewGuid().ToString("N"), trees);
            Compilation output = input;
            if (withGenerator)
            {
                var outcome = TestCompilation.RunGenerator(input);
                if (outcome.GeneratorException is { } exception)
                {
                    throw new InvalidOperationException("The generator threw: " + exception);
                }

                output = outcome.Output;
                var fallbacks = outcome.GeneratorDiagnostics.Where(d => d.Id == "AD0011").Select(FunctionId).ToHashSet();
                foreach (var error in outcome.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
                {
                    Reject(rejected, FunctionId(error), "the generator rejected it: " + error);
                }

                if (rejected.Keys.Any(ids.Contains))
                {
                    continue;
                }

                if (TryLoad(output, rejected) is { } loaded)
                {
                    var iterationAdjoints = Containing(outcome, "// Adjoint of this iteration");
                    var slices = Containing(outcome, "Slices_pool == null ? stackalloc");
                    return Build(loaded, functions, ids, rejected, withGenerator, withTape, fallbacks, iterationAdjoints, slices);
                }
            }
            else if (TryLoad(output, rejected) is { } loaded)
            {
                return Build(loaded, functions, ids, rejected, withGenerator, withTape, []);
            }
        }

        return new CompiledBatch(null, [], rejected);
    }

    public void Dispose() => _assembly?.Dispose();

    private static IEnumerable<SyntaxTree> Trees(RandomFunction function, int id, bool withGenerator, bool withTape)
    {
        yield return TestCompilation.Parse(Usings + function.Render(id, Flavor.Double), $"F{id}.cs");
        var support = Usings + Harness.Write(function, id, withGenerator, withTape) + (withTape ? function.Render(id, Flavor.Tape) : "");
        yield return TestCompilation.Parse(support, $"H{id}.cs");
    }

    private static LoadedAssembly? TryLoad(Compilation output, Dictionary<int, string> rejected)
    {
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count == 0)
        {
            return LoadedAssembly.Emit(output);
        }

        foreach (var error in errors)
        {
            var where = error.Location.SourceTree?.FilePath ?? "";
            var line = error.Location.SourceTree?.GetText().Lines[error.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim();
            Reject(rejected, FunctionId(error), $"it does not compile: {error} in {where}: `{line}`");
        }

        return null;
    }

    private static CompiledBatch Build(
        LoadedAssembly assembly, IReadOnlyList<RandomFunction> functions, int[] ids, Dictionary<int, string> rejected,
        bool withGenerator, bool withTape, HashSet<int> fallbacks, HashSet<int>? iterationAdjoints = null, HashSet<int>? slices = null)
    {
        var entries = ids.Select(id => new FunctionEntry(
            id,
            functions[id],
            assembly.Delegate<EvalFn>($"H{id}", "Eval"),
            withGenerator ? assembly.Delegate<GradFn>($"H{id}", "Grad") : null,
            withGenerator ? assembly.Delegate<PullbackFn>($"H{id}", "Pullback") : null,
            withTape ? assembly.Delegate<GradFn>($"H{id}", "Tape") : null,
            fallbacks.Contains(id),
            withGenerator && functions[id].HasEveryKind(id) ? assembly.Delegate<JvpFn>($"H{id}", "Jvp") : null,
            withGenerator && functions[id].HasEveryKind(id) ? assembly.Delegate<HvpFn>($"H{id}", "Hvp") : null,
            iterationAdjoints?.Contains(id) ?? false,
            slices?.Contains(id) ?? false)).ToList();
        return new CompiledBatch(assembly, entries, rejected);
    }

    /// <summary>The functions whose generated code contains <paramref name="marker"/>: which of the generator's strategies a batch met.</summary>
    private static HashSet<int> Containing(GeneratorOutcome outcome, string marker) =>
        outcome.RunResult.Results.SelectMany(r => r.GeneratedSources)
            .Where(s => s.SourceText.ToString().Contains(marker, StringComparison.Ordinal))
            .Select(s => FileNumber().Match(s.HintName))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value))
            .ToHashSet();

    private static void Reject(Dictionary<int, string> rejected, int id, string reason)
    {
        if (id < 0)
        {
            throw new InvalidOperationException("A diagnostic points at no random function: " + reason);
        }

        rejected.TryAdd(id, reason);
    }

    /// <summary>The function a diagnostic belongs to: every file (user's or generated) is named after its function's number.</summary>
    private static int FunctionId(Diagnostic diagnostic)
    {
        // Generator diagnostics carry path-and-span locations without a tree, so read the path from the line span.
        var path = diagnostic.Location.GetLineSpan().Path ?? "";
        var match = FileNumber().Match(Path.GetFileName(path));
        return match.Success ? int.Parse(match.Groups[1].Value) : -1;
    }

    [GeneratedRegex(@"^[A-Za-z]+(\d+)\b")]
    private static partial Regex FileNumber();
}
