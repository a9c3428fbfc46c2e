using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoDiff.Samples.Explorer.Evaluation;

public sealed partial class SubsetLowering
{
    private Stmt? LowerStatement(StatementSyntax statement)
    {
        switch (statement)
        {
            case BlockSyntax block:
                var statements = block.Statements.Select(LowerStatement).ToList();
                return statements.Any(s => s is null) ? null : new BlockStmt(statements!);
            case LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0, AwaitKeyword.RawKind: 0 } local
                when local.Modifiers.All(m => m.IsKind(SyntaxKind.ConstKeyword)):
                return LowerDeclaration(local.Declaration);
            case ExpressionStatementSyntax { Expression: var expression }:
                return LowerExpression(expression) is { } lowered ? new ExprStmt(lowered) : null;
            case IfStatementSyntax ifStatement:
                return LowerIf(ifStatement);
            case ForStatementSyntax loop:
                return LowerFor(loop);
            case WhileStatementSyntax loop:
                return LowerLoop([], loop.Condition, loop.Statement, [], testFirst: true, loop);
            case DoStatementSyntax loop:
                return LowerLoop([], loop.Condition, loop.Statement, [], testFirst: false, loop);
            case BreakStatementSyntax:
                return new BreakStmt();
            case ContinueStatementSyntax:
                return new ContinueStmt();
            case ReturnStatementSyntax { Expression: { } value }:
                return LowerExpression(value) is { } returned ? new ReturnStmt(ConvertTo(returned, Num.Real)) : null;
            case EmptyStatementSyntax:
                return new BlockStmt([]);
            default:
                return Refuse(statement, Describe(statement));
        }
    }

    private Stmt? LowerDeclaration(VariableDeclarationSyntax declaration)
    {
        var declared = new List<Stmt>();
        var failed = false;
        foreach (var variable in declaration.Variables)
        {
            if (_model.GetDeclaredSymbol(variable) is not ILocalSymbol local || NumOf(local.Type) is not { } type)
            {
                failed = true;
                var typeName = (_model.GetDeclaredSymbol(variable) as ILocalSymbol)?.Type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) ?? declaration.Type.ToString();
                Refuse(variable, $"the local '{variable.Identifier.Text}' of type '{typeName}' (locals are double, float, int or bool)");
                continue;
            }

            if (variable.ArgumentList is not null)
            {
                failed = true;
                Refuse(variable, $"the declaration '{variable}'");
                continue;
            }

            // C#'s definite assignment makes an uninitialised local unreadable until it is assigned, so any start value is safe.
            Expr? value = variable.Initializer is { Value: var initializer }
                ? LowerExpression(initializer)
                : new ConstantExpr(type, 0, false);
            if (value is null)
            {
                failed = true;
                continue;
            }

            declared.Add(new DeclareStmt(SlotOf(local), local.Name, ConvertTo(value, type)));
        }

        return failed ? null : declared.Count == 1 ? declared[0] : new BlockStmt(declared);
    }

    private Stmt? LowerIf(IfStatementSyntax statement)
    {
        var condition = LowerCondition(statement.Condition);
        var then = LowerStatement(statement.Statement);
        var otherwise = statement.Else is { Statement: var elseStatement } ? LowerStatement(elseStatement) : null;
        if (condition is null || then is null || (statement.Else is not null && otherwise is null))
        {
            return null;
        }

        return new IfStmt(condition, then, otherwise);
    }

    private Stmt? LowerFor(ForStatementSyntax loop)
    {
        var initializers = new List<Stmt?>();
        if (loop.Declaration is { } declaration)
        {
            initializers.Add(LowerDeclaration(declaration));
        }

        initializers.AddRange(loop.Initializers.Select(e => LowerExpression(e) is { } x ? new ExprStmt(x) : null));
        if (initializers.Any(i => i is null))
        {
            return null;
        }

        return LowerLoop(initializers!, loop.Condition, loop.Statement, loop.Incrementors, testFirst: true, loop);
    }

    private Stmt? LowerLoop(
        IReadOnlyList<Stmt> initializers, ExpressionSyntax? conditionSyntax, StatementSyntax bodySyntax,
        IReadOnlyList<ExpressionSyntax> incrementorSyntax, bool testFirst, StatementSyntax loop)
    {
        var condition = conditionSyntax is null ? null : LowerCondition(conditionSyntax);
        var body = LowerStatement(bodySyntax);
        var incrementors = incrementorSyntax.Select(LowerExpression).ToList();
        if ((conditionSyntax is not null && condition is null) || body is null || incrementors.Any(i => i is null))
        {
            return null;
        }

        return new LoopStmt(initializers, condition, body, incrementors!, testFirst, _source.Map(loop.GetFirstToken()));
    }

    private Expr? LowerCondition(ExpressionSyntax condition) => LowerExpression(condition) is { } lowered ? ConvertTo(lowered, Num.Bool) : null;

    // "ForEachStatement" -> "a foreach statement", "ObjectCreationExpression" -> "an object creation expression 'new Random()'".
    private static string Describe(SyntaxNode node)
    {
        var words = Regex.Replace(node.Kind().ToString(), "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
        words = words.Replace("for each", "foreach");
        var text = node.ToString().ReplaceLineEndings(" ");
        if (text.Length > 60)
        {
            text = text[..57] + "...";
        }

        var article = "aeiou".Contains(words[0]) ? "an" : "a";
        return $"{article} {words} '{text}'";
    }
}
