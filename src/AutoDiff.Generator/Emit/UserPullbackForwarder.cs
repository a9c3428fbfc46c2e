using System.Linq;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Analysis;
using AutoDiff.Generator.Lowering;

namespace AutoDiff.Generator.Emit;

/// <summary>
/// Bodies for a [Differentiable] method that also has a [DerivativeOf] pullback: its body is not differentiated,
/// the generated Pullback forwards to the user's method, WithGradient calls it with seed 1.
/// </summary>
internal static class UserPullbackForwarder
{
    public static Block Write(MethodModel method, bool pullback)
    {
        var body = new Block();
        var arguments = method.Parameters.Select(p => p.Name).ToList();
        var adjoints = method.Parameters.Where(p => p.Role != ParamRole.Passive)
            .Select(p => p.Role == ParamRole.Span ? p.AdjointName! : "ref " + p.AdjointName).ToList();
        if (pullback)
        {
            body.Line(method.UserPullback + "(" + string.Join(", ", arguments.Append(method.SeedName).Concat(adjoints)) + ");");
            return body;
        }

        foreach (var parameter in method.Parameters.Where(p => p.Role != ParamRole.Passive))
        {
            body.Line(parameter.Role == ParamRole.Span ? parameter.AdjointName + ".Clear();" : parameter.AdjointName + " = 0;");
        }

        body.Line(method.UserPullback + "(" + string.Join(", ", arguments.Append(Code.Number(1, method.ReturnKind).Text).Concat(adjoints)) + ");");
        body.Line("return " + method.Name + "(" + string.Join(", ", arguments) + ");");
        return body;
    }
}
