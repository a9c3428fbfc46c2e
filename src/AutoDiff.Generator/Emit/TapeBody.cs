using AutoDiff.Generator.Model;
using AutoDiff.Generator.Transform;

namespace AutoDiff.Generator.Emit;

/// <summary>WithGradient/Pullback bodies that run the method on the runtime tape.</summary>
internal static class TapeBody
{
    public static Fragment Write(MethodModel method, bool pullback)
    {
        var body = new Fragment();
        foreach (var line in method.FallbackBody!.Split('\n'))
        {
            body.Add(line);
        }

        return body;
    }
}
