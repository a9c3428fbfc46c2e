using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Emit;

/// <summary>
/// The emit stage as one pipeline step: the parse result's model to its generated file, with the parse diagnostics
/// and, when emitting throws, AD0010 at the method (the parse result knows where it is; the file does not).
/// </summary>
internal static class EmitStage
{
    public static EmitResult Run(MethodParseResult parsed)
    {
        if (parsed.Model is null)
        {
            return new EmitResult(null, parsed.Diagnostics);
        }

        var (source, error) = Emitter.TryEmit(parsed.Model, parsed.Location);
        return error is null
            ? new EmitResult(new GeneratedFile(parsed.Model.HintName, source!), parsed.Diagnostics)
            : new EmitResult(null, System.Linq.Enumerable.Append(parsed.Diagnostics, error).ToEquatableArray());
    }
}
