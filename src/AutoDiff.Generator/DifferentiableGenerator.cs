using Microsoft.CodeAnalysis;

namespace AutoDiff.Generator;

/// <summary>Placeholder pipeline; the generator issue replaces it.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class DifferentiableGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
