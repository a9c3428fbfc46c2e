using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Analysis;
using AutoDiff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoDiff.Generator.Parsing;

/// <summary>
/// <c>k++</c>, <c>k--</c>, <c>++k</c> and <c>--k</c> of an int local inside a statement (<c>s += x[i++];</c>,
/// <c>buf[n++] = v;</c>, <c>int j = k++;</c>, <c>if (x[++k] &gt; 0)</c>, <c>return x[k--];</c>): the step becomes a
/// statement of its own, before the statement (a prefix step, and any step in a <c>return</c> or an <c>if</c>
/// condition, read as <c>k - 1</c> or <c>k + 1</c> there) or after it (a postfix step in an assignment or a
/// declaration, read as <c>k</c>). That is the order C# evaluates them in only when nothing else in the statement
/// reads <c>k</c> and the step always runs, so a step whose local the statement also reads, or that sits under a
/// <c>?:</c> branch or the right of <c>&amp;&amp;</c>, <c>||</c> or <c>??</c>, stays refused (AD0004). A <c>while</c>
/// condition that steps (<c>while (err &gt; tol &amp;&amp; iter++ &lt; 50)</c>) tests each operand of its <c>&amp;&amp;</c>
/// chain in an <c>if</c> of its own at the top of a <c>while (true)</c>, where such a step always runs.
/// </summary>
internal sealed partial class BodyParser
{
    /// <summary>While a statement with steps inside is parsed: what each step reads as.</summary>
    private readonly Dictionary<ExpressionSyntax, Expr> _steppedValues = new();

    /// <summary>Parses <paramref name="statement"/> with its inner steps as statements of their own; false when it has none.</summary>
    private bool TryParseWithSteps(StatementSyntax statement, List<Stmt> output)
    {
        var (scope, stepBefore) = statement switch
        {
            ExpressionStatementSyntax { Expression: var e } when !IsStep(e) => ((SyntaxNode)e, false),
            LocalDeclarationStatementSyntax d => (d.Declaration, false),
            ReturnStatementSyntax { Expression: { } value } => (value, true),
            IfStatementSyntax branch => (branch.Condition, true),
            _ => (null, false),
        };
        var steps = scope is null ? [] : StepsIn(scope);
        if (steps.Count == 0)
        {
            return false;
        }

        var line = LineOf(statement);
        var source = statement is IfStatementSyntax condition ? "if (" + OneLine(condition.Condition) + ")" : OneLine(statement);
        var after = stepBefore ? null : new List<Stmt>();
        WithStepsSplit(steps, scope!, line, source, output, after, () => ParseStatementItself(statement, output));
        output.AddRange(after ?? []);
        return true;
    }

    /// <summary>
    /// <c>while (c1 &amp;&amp; k++ &lt; n)</c>: a loop whose condition steps an int, as <c>while (true) { if (!c1) break;
    /// if (!(k++ &lt; n)) break; … }</c>, each operand of the <c>&amp;&amp;</c> chain tested in order in an <c>if</c> of its own,
    /// where its steps always run (a <c>continue</c> in the body goes back to the tests, as in the source). False when
    /// the condition has no step.
    /// </summary>
    private bool TryParseSteppingWhile(WhileStatementSyntax loop, int line, List<Stmt> output)
    {
        if (StepsIn(loop.Condition).Count == 0)
        {
            return false;
        }

        var source = "while (" + OneLine(loop.Condition) + ")";
        var body = new List<Stmt>();
        AddConditionTests(loop.Condition, line, source, body);
        body.AddRange(ParseEmbedded(loop.Statement));
        output.Add(new WhileStmt(new ConstExpr(1, NumKind.Bool), body.ToEquatableArray(), false, line, source));
        return true;
    }

    /// <summary>
    /// <c>do { … } while (++iter &lt; max &amp;&amp; err &gt; tol);</c> as <c>while (true) { …; if (!(++iter &lt; max)) break;
    /// if (!(err &gt; tol)) break; }</c>. A <c>continue</c> in the body would go to the tests, which the body's end is not,
    /// so a body that continues stays refused. False when the condition has no step.
    /// </summary>
    private bool TryParseSteppingDo(DoStatementSyntax loop, int line, List<Stmt> output)
    {
        if (StepsIn(loop.Condition).Count == 0)
        {
            return false;
        }

        if (ContinuesOf(loop.Statement).FirstOrDefault() is { } jump)
        {
            throw NotSupported("'continue' in a do loop whose condition steps '" + OneLine(StepsIn(loop.Condition)[0]) + "'", "step the counter in a statement of its own at the end of the body", jump);
        }

        var source = "do … while (" + OneLine(loop.Condition) + ")";
        var body = new List<Stmt>(ParseEmbedded(loop.Statement));
        AddConditionTests(loop.Condition, line, source, body);
        output.Add(new WhileStmt(new ConstExpr(1, NumKind.Bool), body.ToEquatableArray(), false, line, source));
        return true;
    }

    /// <summary>The <c>continue</c> statements of the loop whose body is <paramref name="body"/> (not those of loops inside it).</summary>
    private static IEnumerable<ContinueStatementSyntax> ContinuesOf(SyntaxNode body) =>
        body.DescendantNodesAndSelf(node => node == body
                || node is not (ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                    or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<ContinueStatementSyntax>();

    /// <summary>Each operand of <paramref name="condition"/>'s <c>&amp;&amp;</c> chain as <c>if (!operand) break;</c>, its steps run as statements first.</summary>
    private void AddConditionTests(ExpressionSyntax condition, int line, string source, List<Stmt> body)
    {
        foreach (var operand in Conjuncts(condition))
        {
            WithStepsSplit(StepsIn(operand), operand, line, source, body, after: null, () =>
                body.Add(new IfStmt(Normalizer.Negation(ParseExpr(operand)), EquatableArray.Of<Stmt>(new BreakStmt(line, source)), EquatableArray<Stmt>.Empty, line, source)));
        }
    }

    /// <summary>The operands of an <c>&amp;&amp;</c> chain, left to right (the expression itself when it is none).</summary>
    private static IEnumerable<ExpressionSyntax> Conjuncts(ExpressionSyntax condition)
    {
        while (condition is ParenthesizedExpressionSyntax parenthesized)
        {
            condition = parenthesized.Expression;
        }

        return condition is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } and
            ? Conjuncts(and.Left).Concat(Conjuncts(and.Right))
            : [condition];
    }

    /// <summary>The steps of int locals inside <paramref name="scope"/> (not inside a lambda or local function).</summary>
    private List<ExpressionSyntax> StepsIn(SyntaxNode scope) =>
        scope.DescendantNodesAndSelf(node => node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<ExpressionSyntax>()
            .Where(e => IsStep(e) && SteppedLocal(e) is not null)
            .ToList();

    /// <summary>
    /// Runs <paramref name="parse"/> with each step of <paramref name="scope"/> as a statement of its own: before the
    /// scope (into <paramref name="output"/>), or, for a postfix step when <paramref name="after"/> is given, after it
    /// (into <paramref name="after"/>); meanwhile each step reads as its value there (<see cref="_steppedValues"/>).
    /// </summary>
    private void WithStepsSplit(List<ExpressionSyntax> steps, SyntaxNode scope, int line, string source, List<Stmt> output, List<Stmt>? after, System.Action parse)
    {
        try
        {
            SplitSteps(steps, scope, line, source, output, after);
            parse();
        }
        finally
        {
            foreach (var step in steps)
            {
                _steppedValues.Remove(step);
            }
        }
    }

    private void SplitSteps(List<ExpressionSyntax> steps, SyntaxNode scope, int line, string source, List<Stmt> output, List<Stmt>? after)
    {
        foreach (var step in steps)
        {
            var operand = StepOperand(step);
            CheckAlwaysRunsAlone(step, operand, scope);
            var increment = step.Kind() is SyntaxKind.PostIncrementExpression or SyntaxKind.PreIncrementExpression;
            var stepStatement = Step(operand, increment, line, source);
            var local = (VarExpr)((AssignStmt)stepStatement).Target;
            if (step is PrefixUnaryExpressionSyntax)
            {
                output.Add(stepStatement);
                _steppedValues[step] = local;
            }
            else if (after is null)
            {
                // The value before the step, read after it.
                output.Add(stepStatement);
                _steppedValues[step] = new BinaryExpr(increment ? "-" : "+", local, new ConstExpr(1, NumKind.Int), NumKind.Int);
            }
            else
            {
                after.Add(stepStatement);
                _steppedValues[step] = local;
            }
        }
    }

    private static bool IsStep(ExpressionSyntax expression) =>
        expression.Kind() is SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression
            or SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression;

    private static ExpressionSyntax StepOperand(ExpressionSyntax step) => step switch
    {
        PostfixUnaryExpressionSyntax postfix => postfix.Operand,
        PrefixUnaryExpressionSyntax prefix => prefix.Operand,
        _ => throw new System.InvalidOperationException("Not a step: " + step),
    };

    /// <summary>The int local (or int parameter) a step changes; null for anything else (a double, an element), which stays refused.</summary>
    private ISymbol? SteppedLocal(ExpressionSyntax step) =>
        StepOperand(step) is IdentifierNameSyntax name
        && _model.GetSymbolInfo(name, _cancellationToken).Symbol is { } symbol
        && symbol switch
        {
            ILocalSymbol local => TypeClassifier.Scalar(local.Type) == NumKind.Int,
            IParameterSymbol parameter => TypeClassifier.Scalar(parameter.Type) == NumKind.Int,
            _ => false,
        }
            ? symbol
            : null;

    /// <summary>Throws unless <paramref name="step"/> runs whenever <paramref name="scope"/> does and nothing else in it names the local.</summary>
    private void CheckAlwaysRunsAlone(ExpressionSyntax step, ExpressionSyntax operand, SyntaxNode scope)
    {
        var name = OneLine(operand);
        for (SyntaxNode child = step, parent = step.Parent!; child != scope; child = parent, parent = parent.Parent!)
        {
            var conditional = parent switch
            {
                ConditionalExpressionSyntax choice => child != choice.Condition,
                BinaryExpressionSyntax binary => binary.Kind() is SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression or SyntaxKind.CoalesceExpression
                                                 && child == binary.Right,
                _ => false,
            };
            if (conditional)
            {
                throw NotSupported("'" + OneLine(step) + "' where it may not run", "step '" + name + "' in a statement of its own", step);
            }
        }

        var symbol = _model.GetSymbolInfo(operand, _cancellationToken).Symbol;
        var uses = scope.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
            .Count(identifier => SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(identifier, _cancellationToken).Symbol, symbol));
        if (uses > 1)
        {
            throw NotSupported("'" + OneLine(step) + "' where '" + name + "' is also used in the same statement", "step '" + name + "' in a statement of its own, before or after", step);
        }
    }
}
