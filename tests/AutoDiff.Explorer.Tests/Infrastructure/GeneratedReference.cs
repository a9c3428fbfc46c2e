using System.Reflection;
using System.Runtime.Loader;
using AutoDiff.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoDiff.Explorer.Tests.Infrastructure;

/// <summary>
/// The independent engine the API is checked against: the same method compiled in the test with the generator,
/// loaded, and its <c>{Name}WithGradient</c> called. (Running generated code is fine in a test; the explorer
/// itself never does it.)
/// </summary>
public static class GeneratedReference
{
    private static readonly MetadataReference[] References =
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(DifferentiableAttribute).Assembly.Location))
            .ToArray();

    /// <summary>The value and the gradient (by parameter name, differentiable parameters only) at the point.</summary>
    public static (double Value, Dictionary<string, double> Gradient) Evaluate(string method, IReadOnlyDictionary<string, double> point)
    {
        var text = "using System;\nusing AutoDiff;\npublic static partial class Reference\n{\n[Differentiable]\n" + method + "\n}\n";
        var compilation = CSharpCompilation.Create(
            "Reference" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest))],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        CSharpGeneratorDriver.Create(new DifferentiableGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The reference does not compile:\n" + string.Join("\n", emitted.Diagnostics));
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext("reference", isCollectible: true);
        try
        {
            var type = context.LoadFromStream(stream).GetType("Reference")!;
            const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
            var primal = type.GetMethods(flags).Single(m => !m.Name.EndsWith("WithGradient", StringComparison.Ordinal) && !m.Name.EndsWith("Pullback", StringComparison.Ordinal));
            var withGradient = type.GetMethod(primal.Name + "WithGradient", flags)!;
            var inputs = primal.GetParameters().Select(p => Convert.ChangeType(point[p.Name!], p.ParameterType, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var outs = withGradient.GetParameters().Skip(inputs.Count).ToList();
            var arguments = inputs.Concat(outs.Select(_ => (object?)null)).ToArray();
            var value = Convert.ToDouble(withGradient.Invoke(null, arguments), System.Globalization.CultureInfo.InvariantCulture);
            // Gradient outputs follow the differentiable parameters (double/float without [NoDerivative]) in order.
            var differentiable = primal.GetParameters()
                .Where(p => p.ParameterType == typeof(double) || p.ParameterType == typeof(float))
                .Where(p => !p.GetCustomAttributes().Any(a => a.GetType().Name == "NoDerivativeAttribute"))
                .ToList();
            var gradient = new Dictionary<string, double>();
            for (var i = 0; i < outs.Count; i++)
            {
                gradient[differentiable[i].Name!] = Convert.ToDouble(arguments[inputs.Count + i], System.Globalization.CultureInfo.InvariantCulture);
            }

            return (value, gradient);
        }
        finally
        {
            context.Unload();
        }
    }
}
