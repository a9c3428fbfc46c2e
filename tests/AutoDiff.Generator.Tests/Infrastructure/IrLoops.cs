using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Tests.Infrastructure;

/// <summary>Counted loops written as IR by hand, for the tests of single passes.</summary>
internal static class IrLoops
{
    /// <summary><c>for (int counter = 0; counter &lt; bound; counter++) { body }</c>.</summary>
    public static LoopNode UpTo(string counter, string bound, params Node[] body) => new(
        LoopForm.For,
        new DeclareNode("int", counter, Code.Number(0, NumKind.Int)),
        Code.Binary(Code.Atom(counter), "<", Code.Atom(bound), Code.Relational),
        new AssignNode(Code.Atom(counter), "++", null),
        new Block(body));
}
