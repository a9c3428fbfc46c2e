using System.Reflection;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoDiff.Generator.Tests;

/// <summary>The pipeline caches: unrelated edits reuse everything, an edit to one method re-emits only that method.</summary>
public class IncrementalTests
{
    private const string Functions = """
        using System;
        using AutoDiff;
        namespace Samples;
        public static partial class Functions
        {
            [Differentiable] public static double Square(double x) => x * x;
            [Differentiable] public static double Cube(double x) => x * x * x;
        }
        """;

    private static readonly string[] Steps =
        [TrackingNames.ParsedMethods, TrackingNames.EmittedMethods, TrackingNames.GeneratedFiles, TrackingNames.MethodDiagnostics];

    [Fact]
    public void Unrelated_edit_leaves_every_step_cached()
    {
        var compilation = GeneratorHarness.CreateCompilation(Functions, "namespace Other; public static class Unrelated { public static int A => 1; }");
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("namespace Other; public static class Unrelated { public static int A => 2; public static int B => 3; }", new CSharpParseOptions(LanguageVersion.Latest), path: "Source1.cs"));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in Steps)
        {
            Assert.All(
                second.TrackedSteps[step].SelectMany(s => s.Outputs),
                output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        }

        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
    }

    [Fact]
    public void Editing_one_method_re_emits_only_its_file()
    {
        var compilation = GeneratorHarness.CreateCompilation(Functions);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(Functions.Replace("x * x * x", "x * x * x * 2"), new CSharpParseOptions(LanguageVersion.Latest), path: "Source0.cs"));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var files = second.TrackedSteps[TrackingNames.GeneratedFiles].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, files.Count);
        var modified = (GeneratedFile)Assert.Single(files, o => o.Reason == IncrementalStepRunReason.Modified).Value;
        Assert.Equal("Samples.Functions.Cube.g.cs", modified.HintName);

        var emitted = second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.Single(emitted, o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
    }

    [Fact]
    public void Editing_one_method_without_changing_line_count_re_emits_only_its_file_even_when_its_length_changes()
    {
        // Square is written first, so lengthening its body shifts every character offset of Cube behind it.
        var compilation = GeneratorHarness.CreateCompilation(Functions);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(Functions.Replace("=> x * x;", "=> x * x * 1.25 + x;"), new CSharpParseOptions(LanguageVersion.Latest), path: "Source0.cs"));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var emitted = second.TrackedOutputSteps[WellKnownGeneratorOutputs.SourceOutput]
            .Where(s => s.Inputs.Any(i => i.Source.Outputs[i.OutputIndex].Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified))
            .SelectMany(s => s.Inputs.Select(i => i.Source.Outputs[i.OutputIndex].Value))
            .ToList();
        var file = (GeneratedFile)Assert.Single(emitted, v => v is GeneratedFile);
        Assert.Equal("Samples.Functions.Square.g.cs", file.HintName);
        Assert.Equal(before["Samples.Functions.Cube.g.cs"], second.GeneratedSources.Single(s => s.HintName == "Samples.Functions.Cube.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Adding_a_line_above_a_method_re_emits_it_because_its_line_comments_change()
    {
        var compilation = GeneratorHarness.CreateCompilation(Functions);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(Functions.Replace("=> x * x;", "=>\n x * x;"), new CSharpParseOptions(LanguageVersion.Latest), path: "Source0.cs"));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var cube = second.GeneratedSources.Single(s => s.HintName == "Samples.Functions.Cube.g.cs").SourceText.ToString();
        Assert.Contains("// line 8: return x * x * x;", cube);
        var files = second.TrackedSteps[TrackingNames.GeneratedFiles].SelectMany(s => s.Outputs).ToList();
        Assert.All(files, o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
    }

    [Fact]
    public void Equal_input_gives_equal_models()
    {
        var first = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.CreateCompilation(CorpusFiles.Source("Gmm"))).GetRunResult().Results.Single();
        var second = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.CreateCompilation(CorpusFiles.Source("Gmm"))).GetRunResult().Results.Single();
        var a = first.TrackedSteps[TrackingNames.ParsedMethods].SelectMany(s => s.Outputs).Select(o => ((MethodParseResult)o.Value).Model).ToList();
        var b = second.TrackedSteps[TrackingNames.ParsedMethods].SelectMany(s => s.Outputs).Select(o => ((MethodParseResult)o.Value).Model).ToList();
        Assert.Equal(a, b);
        Assert.Equal(a.Select(m => m!.GetHashCode()), b.Select(m => m!.GetHashCode()));
    }

    [Fact]
    public void Model_types_hold_no_Roslyn_symbols_syntax_or_compilations()
    {
        Type[] banned = [typeof(ISymbol), typeof(SyntaxNode), typeof(SemanticModel), typeof(Compilation), typeof(Location), typeof(SyntaxTree)];
        var modelAssembly = typeof(MethodModel).Assembly;
        var roots = modelAssembly.GetTypes().Where(t => t.Namespace == typeof(MethodModel).Namespace).Append(typeof(MethodParseResult));
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!seen.Add(type))
            {
                continue;
            }

            Assert.DoesNotContain(banned, b => b.IsAssignableFrom(type));
            if (type.IsGenericType)
            {
                foreach (var argument in type.GetGenericArguments())
                {
                    pending.Push(argument);
                }
            }

            if (type.Assembly != modelAssembly)
            {
                continue;
            }

            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                pending.Push(field.FieldType.IsArray ? field.FieldType.GetElementType()! : field.FieldType);
            }

            foreach (var derived in modelAssembly.GetTypes().Where(t => t.BaseType == type))
            {
                pending.Push(derived);
            }
        }

        Assert.Contains(typeof(Stmt), seen);
        Assert.Contains(typeof(Expr), seen);
    }
}
