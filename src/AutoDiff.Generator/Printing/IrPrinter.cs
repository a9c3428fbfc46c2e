using System.Collections.Generic;
using AutoDiff.Generator.IR;

namespace AutoDiff.Generator.Printing;

/// <summary>Writes IR statements as C# lines, four spaces deeper per nested block; the last stage of the pipeline.</summary>
internal static class IrPrinter
{
    private const string Indent = "    ";

    public static List<string> Print(Block block)
    {
        var lines = new List<string>();
        Print(block, string.Empty, lines);
        return lines;
    }

    private static void Print(Block block, string indent, List<string> lines)
    {
        foreach (var node in block)
        {
            Print(node, indent, lines);
        }
    }

    private static void Print(Node node, string indent, List<string> lines)
    {
        switch (node)
        {
            case IfNode { Then.IsEmpty: true, Else.IsEmpty: false } branch:
                // Nothing to do when it holds (a continue the loop's end took over): written as users write it.
                lines.Add(indent + "if (" + Negation(branch.Condition) + ")");
                Braced(branch.Else, indent, lines);
                break;
            case IfNode branch:
                lines.Add(indent + "if (" + branch.Condition + ")");
                Braced(branch.Then, indent, lines);
                if (!branch.Else.IsEmpty)
                {
                    lines.Add(indent + "else");
                    Braced(branch.Else, indent, lines);
                }

                break;
            case LoopNode { Form: LoopForm.Do } loop:
                lines.Add(indent + "do");
                Braced(loop.Body, indent, lines);
                lines.Add(indent + "while (" + loop.Condition + ");");
                break;
            case LoopNode loop:
                lines.Add(indent + (loop.Form == LoopForm.For
                    ? "for (" + Statement(loop.Init!) + "; " + loop.Condition + "; " + Statement(loop.Step!) + ")"
                    : "while (" + loop.Condition + ")"));
                Braced(loop.Body, indent, lines);
                break;
            case VerbatimNode verbatim:
                lines.Add(verbatim.Line.Length == 0 ? string.Empty : indent + verbatim.Line);
                break;
            case CommentNode comment:
                lines.Add(indent + "// " + comment.Text);
                break;
            default:
                lines.Add(indent + Statement(node) + ";");
                break;
        }
    }

    /// <summary><c>!condition</c>: <c>==</c> and <c>!=</c> swap (also for floating-point operands), <c>!!c</c> is <c>c</c>.</summary>
    private static Code Negation(Code condition) => condition switch
    {
        { Form: Code.Shape.Binary, Op: "==" } => Code.Binary(condition.Parts[0], "!=", condition.Parts[1], Code.Equality),
        { Form: Code.Shape.Binary, Op: "!=" } => Code.Binary(condition.Parts[0], "==", condition.Parts[1], Code.Equality),
        { Form: Code.Shape.Prefix, Op: "!" } => condition.Parts[0],
        _ => Code.Prefix("!", condition),
    };

    private static void Braced(Block body, string indent, List<string> lines)
    {
        lines.Add(indent + "{");
        Print(body, indent + Indent, lines);
        lines.Add(indent + "}");
    }

    /// <summary>A simple statement without its semicolon (a for loop's initializer and step are written this way too).</summary>
    private static string Statement(Node node) => node switch
    {
        DeclareNode d => d.Type + " " + d.Name + " = " + d.Value,
        AssignNode { Value: null } a => a.Target + a.Op,
        AssignNode a => a.Target + " " + a.Op + " " + a.Value,
        AccumulateNode a => a.Adjoint + " += " + a.Contribution,
        PushNode p => StackNames.Of(p.Stack) + (p.Reserved ? ".PushReserved(" : ".Push(") + p.Value + ")",
        ReserveNode r => StackNames.Of(r.Stack) + ".Reserve(" + r.Count + ")",
        RecordAllNode r => r.Buffer + ".CopyTo(" + StackNames.Of(r.Stack) + ".PushSpan(" + r.Buffer + ".Length))",
        RestoreAllNode r => StackNames.Of(r.Stack) + ".PopSpan(" + r.Buffer + ".Length).CopyTo(" + r.Buffer + ")",
        ExpressionNode e => e.Expression.Text,
        ReturnNode r => "return " + r.Value,
        BreakNode => "break",
        PassiveNode p => p.Text,
        ThrowArgumentNode t => "throw new global::System.ArgumentException($\"" + t.InterpolatedMessage + "\", nameof(" + t.Parameter + "))",
        _ => throw new System.InvalidOperationException("No printing for " + node.GetType().Name),
    };
}
