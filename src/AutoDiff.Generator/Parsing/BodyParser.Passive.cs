using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AutoDiff.Generator.Parsing;

/// <summary>
/// What users write to reject bad input, which carries no derivative: <c>throw</c> as a statement
/// (<c>if (x.Length != y.Length) throw new ArgumentException(…);</c>, a switch's <c>default: throw …;</c>) and as a
/// switch expression's <c>_ =&gt; throw …</c> arm, and guard calls (<c>ArgumentOutOfRangeException.ThrowIfNegative(n)</c>,
/// <c>Debug.Assert(…)</c>). A path that throws never reaches the adjoint sweep, so the statement is all that is kept of
/// it: every derivative kind runs it where the source does. Its text is rewritten to mean the same inside the
/// generated method (locals under their generated names, types and static members qualified, since the generated
/// file has none of the user's usings, and <c>nameof</c> as the string it stands for).
/// </summary>
internal sealed partial class BodyParser
{
    /// <summary>Switch expressions whose <c>_ =&gt; throw</c> arm a guard before their statement has taken, with the value they test.</summary>
    private readonly Dictionary<SwitchExpressionSyntax, Expr> _guardedSwitches = new();

    private PassiveStmt ParseThrow(ExpressionSyntax? exception, SyntaxNode at, int line)
    {
        if (exception is null)
        {
            throw NotSupported("'throw;' without an exception", "a rethrow belongs in a catch block; throw a new exception instead", at);
        }

        var rewriter = new PassiveRewriter(this);
        var rewritten = (ExpressionSyntax)rewriter.Visit(exception);
        return new PassiveStmt("throw " + rewritten.NormalizeWhitespace().ToFullString(), rewriter.Reads.ToEquatableArray(), EndsPath: true, line, "throw " + OneLine(exception) + ";");
    }

    /// <summary>
    /// A call statement of a static void method that is not <c>[Differentiable]</c>, whose arguments are numbers,
    /// bools, enums, strings or read-only spans passed by value: it can change nothing the body reads, so it is run
    /// as written (a guard that may throw, an assertion, a log line). Null for any other statement.
    /// </summary>
    private PassiveStmt? PassiveCall(InvocationExpressionSyntax call, int line, string source)
    {
        if (_model.GetSymbolInfo(call, _cancellationToken).Symbol is not IMethodSymbol { ReturnsVoid: true, IsStatic: true, ReducedFrom: null } method
            || Callees.IsDifferentiable(method)
            || _localFunctions.ContainsKey(method)
            || !call.ArgumentList.Arguments.All(a => HelperEffects.IsInert(_model, a, intsByReference: false, _cancellationToken)))
        {
            return null;
        }

        RequireKeepsNothing(method, call.ArgumentList.Arguments, call);
        var rewriter = new PassiveRewriter(this);
        var rewritten = (InvocationExpressionSyntax)rewriter.Visit(call);
        rewritten = rewritten.AddArgumentListArguments(CallerExpressions(call, rewritten));
        return new PassiveStmt(rewritten.NormalizeWhitespace().ToFullString(), rewriter.Reads.ToEquatableArray(), EndsPath: false, line, source);
    }

    /// <summary>
    /// The text of each argument a <c>[CallerArgumentExpression]</c> parameter of <paramref name="call"/> would capture
    /// (<c>ThrowIfNegative(k)</c>'s "k"), as a named argument, where <paramref name="rewritten"/> writes that argument
    /// otherwise (a renamed local, a qualified type): the message must name it as the source does.
    /// </summary>
    private ArgumentSyntax[] CallerExpressions(InvocationExpressionSyntax call, InvocationExpressionSyntax rewritten)
    {
        if (_model.GetOperation(call, _cancellationToken) is not IInvocationOperation invocation)
        {
            return [];
        }

        var added = new List<ArgumentSyntax>();
        foreach (var argument in invocation.Arguments.Where(a => a.ArgumentKind == ArgumentKind.DefaultValue && a.Parameter is not null))
        {
            var captured = argument.Parameter!.GetAttributes()
                .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.CallerArgumentExpressionAttribute")
                ?.ConstructorArguments.FirstOrDefault().Value as string;
            var source = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == captured && a.ArgumentKind == ArgumentKind.Explicit);
            if (source?.Syntax is ArgumentSyntax { Expression: var expression } explicitArgument
                && rewritten.ArgumentList.Arguments[call.ArgumentList.Arguments.IndexOf(explicitArgument)].Expression.ToString() != expression.ToString())
            {
                added.Add(SyntaxFactory.Argument(
                    SyntaxFactory.NameColon(argument.Parameter.Name),
                    default,
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(expression.ToString()))));
            }
        }

        return added.ToArray();
    }

    /// <summary>True for <c>e switch { …, _ =&gt; throw … }</c>: nothing matched is the caller's error.</summary>
    private static bool ThrowsWhenNothingMatches(SwitchExpressionSyntax switchExpression) =>
        switchExpression.Arms.Count > 1
        && switchExpression.Arms[switchExpression.Arms.Count - 1] is { Pattern: DiscardPatternSyntax, WhenClause: null, Expression: ThrowExpressionSyntax };

    /// <summary>
    /// When <paramref name="value"/>, the whole value of a statement (a return, a local's initializer, an assignment to a local),
    /// is a switch expression whose <c>_</c> arm throws, writes the guard <c>if (!(p(e) || q(e) …)) throw …;</c>
    /// before it, so the expression itself is the <c>?:</c> chain of its other arms. The arms' tests are read twice,
    /// in the same order; they are comparisons and <c>when</c> clauses, which change nothing.
    /// </summary>
    private void GuardThrowingSwitch(ExpressionSyntax? value, List<Stmt> output)
    {
        while (value is ParenthesizedExpressionSyntax parenthesized)
        {
            value = parenthesized.Expression;
        }

        if (value is not SwitchExpressionSyntax switchExpression || !ThrowsWhenNothingMatches(switchExpression))
        {
            return;
        }

        if (switchExpression.DescendantNodes().Any(n => n is AssignmentExpressionSyntax || n is ExpressionSyntax e && IsStep(e)))
        {
            throw Fallback("its 'switch' expression that throws also changes a local", switchExpression);
        }

        var line = LineOf(switchExpression);
        var source = "switch (" + OneLine(switchExpression.GoverningExpression) + ") with nothing matched";
        var kind = PatternKind(switchExpression.GoverningExpression, switchExpression.GoverningExpression);
        var tested = SwitchValue(switchExpression.GoverningExpression, kind, line, source, output);
        var arms = switchExpression.Arms;
        var matched = arms.Take(arms.Count - 1)
            .Select(arm => CaseCondition(arm.Pattern, arm.WhenClause, tested, kind, arm))
            .Aggregate((a, b) => new BinaryExpr("||", a, b, NumKind.Bool));
        var thrown = ParseThrow(((ThrowExpressionSyntax)arms[arms.Count - 1].Expression).Expression, arms[arms.Count - 1], line);
        output.Add(new IfStmt(new UnaryExpr("!", matched, NumKind.Bool), EquatableArray.Of<Stmt>(thrown), EquatableArray<Stmt>.Empty, line, source));
        _guardedSwitches[switchExpression] = tested;
    }

    /// <summary>
    /// A passive statement's expression as the generated method must write it; refuses what it could not name there
    /// (a view, which the generated code keeps as a start and a length, an extension method, whose using is not there).
    /// </summary>
    private sealed class PassiveRewriter(BodyParser parser) : CSharpSyntaxRewriter
    {
        private readonly SemanticModel _model = parser._model;

        /// <summary>The generated names of the locals and parameters the expression mentions.</summary>
        public List<string> Reads { get; } = new();

        public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
        {
            if (node.Expression is IdentifierNameSyntax { Identifier.Text: "nameof" }
                && _model.GetConstantValue(node, parser._cancellationToken) is { HasValue: true, Value: string name })
            {
                return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name)).WithTriviaFrom(node);
            }

            if (_model.GetSymbolInfo(node, parser._cancellationToken).Symbol is IMethodSymbol { ReducedFrom: not null } extension)
            {
                throw NotSupported(
                    "calling the extension method '" + extension.Name + "' in a thrown exception or a guard call",
                    "call it as a static method, " + extension.ContainingType.Name + "." + extension.Name + "(…)",
                    node);
            }

            return base.VisitInvocationExpression(node);
        }

        public override SyntaxNode? VisitIdentifierName(IdentifierNameSyntax node)
        {
            if (IsMemberName(node) || node.Parent is NameColonSyntax or NameEqualsSyntax)
            {
                return node;
            }

            switch (_model.GetSymbolInfo(node, parser._cancellationToken).Symbol)
            {
                case ILocalSymbol { IsConst: true } when _model.GetConstantValue(node, parser._cancellationToken) is { HasValue: true } constant:
                    return SyntaxFactory.ParseExpression(SymbolDisplay.FormatPrimitive(constant.Value!, quoteStrings: true, useHexadecimalNumbers: false)).WithTriviaFrom(node);
                case ILocalSymbol local when parser._names.TryGetValue(local, out var renamed) && !parser._slices.ContainsKey(local):
                    Reads.Add(renamed);
                    return SyntaxFactory.IdentifierName(renamed).WithTriviaFrom(node);
                case ILocalSymbol local:
                    throw NotSupported(
                        "'" + local.Name + "' in a thrown exception or a guard call",
                        "it may mention the method's parameters, its number locals and its buffers; read the value into a local first",
                        node);
                case IParameterSymbol parameter when SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, parser._method):
                    Reads.Add(parameter.Name);
                    return node;
                case INamespaceOrTypeSymbol type and not ITypeParameterSymbol:
                    return Qualified(type, node);
                case ISymbol { IsStatic: true, Kind: SymbolKind.Method or SymbolKind.Field or SymbolKind.Property, ContainingType: { } owner } member
                    when !SymbolEqualityComparer.Default.Equals(owner, parser._method.ContainingType):
                    return SyntaxFactory.ParseExpression(owner.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + member.Name).WithTriviaFrom(node);
                default:
                    return node;
            }
        }

        public override SyntaxNode? VisitGenericName(GenericNameSyntax node) =>
            !IsMemberName(node) && _model.GetSymbolInfo(node, parser._cancellationToken).Symbol is INamedTypeSymbol type
                ? Qualified(type, node)
                : base.VisitGenericName(node);

        public override SyntaxNode? VisitQualifiedName(QualifiedNameSyntax node) =>
            _model.GetSymbolInfo(node, parser._cancellationToken).Symbol is INamespaceOrTypeSymbol type and not ITypeParameterSymbol
                ? Qualified(type, node)
                : base.VisitQualifiedName(node);

        public override SyntaxNode? VisitMemberAccessExpression(MemberAccessExpressionSyntax node) =>
            _model.GetSymbolInfo(node, parser._cancellationToken).Symbol is INamespaceOrTypeSymbol type and not ITypeParameterSymbol
                ? Qualified(type, node)
                : base.VisitMemberAccessExpression(node);

        /// <summary>True for the name after the dot of <c>a.b</c> or <c>A.B</c>: what it means follows from the left side.</summary>
        private static bool IsMemberName(SimpleNameSyntax node) =>
            node.Parent is MemberAccessExpressionSyntax access && access.Name == node
            || node.Parent is QualifiedNameSyntax qualified && qualified.Right == node
            || node.Parent is MemberBindingExpressionSyntax;

        private static SyntaxNode Qualified(INamespaceOrTypeSymbol symbol, SyntaxNode node) =>
            SyntaxFactory.ParseName(symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).WithTriviaFrom(node);
    }
}
