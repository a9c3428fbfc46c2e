using System.Linq;
using System.Threading;
using AutoDiff.Generator.Diagnostics;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AutoDiff.Generator.Parsing;

/// <summary>
/// Re-writes a body for the runtime tape, for methods the static transformation cannot handle: double and float
/// become AutoDiff.Value, Math.X becomes ValueMath.X, ==/!= compare Data, stackalloc becomes a zero-filled array,
/// and recursive calls go to the rewritten body itself.
/// </summary>
internal static class TapeRewriter
{
    public const string ValueType = "global::AutoDiff.Value";
    /// <summary>The name of the tape function the generated members define, unless the body already uses it.</summary>
    public const string BodyName = "Tape";

    /// <summary>
    /// <see cref="BodyName"/>, or <c>Tape2</c>, <c>Tape3</c>, … when the method already names something so (a local
    /// function or a variable called <c>Tape</c>), which the tape function would clash with.
    /// </summary>
    public static string BodyNameFor(MethodDeclarationSyntax syntax)
    {
        var used = new System.Collections.Generic.HashSet<string>(syntax.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        var name = BodyName;
        for (var k = 2; used.Contains(name); k++)
        {
            name = BodyName + k;
        }

        return name;
    }

    /// <summary>A construct that cannot run on the tape either (reported as an error at it), or null.</summary>
    public static DiagnosticInfo? FindProblem(SemanticModel model, MethodDeclarationSyntax syntax, CancellationToken cancellationToken)
    {
        if (model.Compilation.GetTypeByMetadataName("AutoDiff.Value") is null || model.Compilation.GetTypeByMetadataName("AutoDiff.ValueMath") is null)
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConstruct, LocationInfo.From(syntax.Identifier.GetLocation()), "The body of '" + syntax.Identifier.Text + "'", "it needs the runtime tape, but AutoDiff.Value is not referenced");
        }

        var method = model.GetDeclaredSymbol(syntax, cancellationToken)!;
        var body = (SyntaxNode?)syntax.Body ?? syntax.ExpressionBody!;

        foreach (var node in body.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case InvocationExpressionSyntax invocation when model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol callee:
                    var containing = callee.ContainingType?.ToDisplayString();
                    // LINQ over ints (Enumerable.Range(0, n).Sum()) has nothing to differentiate and runs as written.
                    if (containing == "System.Linq.Enumerable"
                        && (TypeClassifier.InvolvesFloating(callee.ReturnType) || callee.TypeArguments.Any(TypeClassifier.InvolvesFloating) || callee.Parameters.Any(p => TypeClassifier.InvolvesFloating(p.Type))))
                    {
                        return DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConstruct, LocationInfo.From(invocation), "LINQ ('" + callee.Name + "') over differentiable values", "write the loop out");
                    }

                    var known = IsTableFunction(callee, invocation.ArgumentList.Arguments.Count);
                    var self = SymbolEqualityComparer.Default.Equals(callee.OriginalDefinition, method.OriginalDefinition);
                    var local = callee.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction or MethodKind.DelegateInvoke;
                    var floating = invocation.ArgumentList.Arguments.Any(a => TypeClassifier.IsFloating(model.GetTypeInfo(a.Expression, cancellationToken).Type) && !model.GetConstantValue(a.Expression, cancellationToken).HasValue);
                    var sequences = invocation.ArgumentList.Arguments.Any(a => TypeClassifier.FloatingSequence(model.GetTypeInfo(a.Expression, cancellationToken).Type) is not null);
                    if (!known && !self && !local && (floating || sequences)
                        && Callees.IsDifferentiable(callee))
                    {
                        // The tape runs the body on Values; a generated derivative takes doubles, so it cannot be called from there.
                        return DiagnosticInfo.Create(
                            DiagnosticDescriptors.UnsupportedConstruct,
                            LocationInfo.From(invocation),
                            "A call of the [Differentiable] method '" + callee.ContainingType?.Name + "." + callee.Name + "' in a body that runs on the runtime tape",
                            "the tape cannot call generated derivatives; write the call's body inline, or leave out what sends this body to the tape (the info AD0011 names it)");
                    }

                    if (self && invocation.ArgumentList.Arguments.Select((a, i) => (Argument: a, Position: i))
                            .FirstOrDefault(p => NeedsValueArray(model, callee, p.Argument, p.Position, cancellationToken) && IsWritable(TapeCalls.ParameterOf(callee, p.Argument, p.Position)!)).Argument is { } copied)
                    {
                        return DiagnosticInfo.Create(
                            DiagnosticDescriptors.UnsupportedConstruct,
                            LocationInfo.From(copied),
                            "A recursive call that passes a slice or a span buffer to the writable span parameter '" + TapeCalls.ParameterOf(callee, copied, invocation.ArgumentList.Arguments.IndexOf(copied))!.Name + "' in a body that runs on the runtime tape",
                            "the tape would write into a copy; take the parameter as a ReadOnlySpan, or write the recursion as a loop");
                    }

                    if (!known && !self && !local && TapeCalls.Problem(model, invocation, callee, cancellationToken) is { } problem)
                    {
                        return problem;
                    }

                    // Sequences a reading helper takes as ReadOnlySpan<double> go to it as their numbers.
                    var sequencesRead = invocation.ArgumentList.Arguments.Select((a, i) => (a, i)).All(p =>
                        TypeClassifier.FloatingSequence(model.GetTypeInfo(p.a.Expression, cancellationToken).Type) is null
                        || TapeCalls.IsReadOnlyDoubles(TapeCalls.ParameterOf(callee, p.a, p.i)?.Type));
                    if (!known && !self && !local && floating && !(TapeCalls.ReadsNumbers(callee) && (!sequences || sequencesRead)) && !TypeClassifier.IsCollectionMethod(callee))
                    {
                        return DiagnosticInfo.Create(DiagnosticDescriptors.ExpressionNotDifferentiable, LocationInfo.From(invocation), callee.ContainingType?.Name + "." + callee.Name);
                    }

                    break;
                case SimpleNameSyntax name when TapeCalls.ReadProblem(model, name, cancellationToken) is { } read:
                    return read;
                case BinaryExpressionSyntax or AssignmentExpressionSyntax
                    when node.Kind() is SyntaxKind.ModuloExpression or SyntaxKind.ModuloAssignmentExpression
                         && TypeClassifier.IsFloating(model.GetTypeInfo(node, cancellationToken).Type):
                    return DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConstruct, LocationInfo.From(node), "floating-point '%'", "write it with Math.Floor (a - b * Math.Floor(a / b)), or compute the remainder on ints");
                case PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax
                    when node.Kind() is SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression or SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression
                         && TypeClassifier.IsFloating(model.GetTypeInfo(node, cancellationToken).Type):
                    return DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConstruct, LocationInfo.From(node), "'++'/'--' on a floating-point value", "write 'x += 1' instead");
            }
        }

        // The first in the source of what the two walks over the body's operations find.
        return new[] { TapeShapes.Problem(model, body, method, cancellationToken), TapeCalls.FlowProblem(model, body, cancellationToken) }
            .Where(p => p is not null)
            .OrderBy(p => p!.Location?.TextSpan.Start ?? int.MaxValue)
            .FirstOrDefault();
    }

    /// <summary>The rewritten body of the tape function <paramref name="bodyName"/> (see <see cref="BodyNameFor"/>), formatted.</summary>
    public static string Rewrite(SemanticModel model, MethodDeclarationSyntax syntax, IMethodSymbol method, string bodyName, CancellationToken cancellationToken)
    {
        var rewriter = new Rewriter(model, method, bodyName, cancellationToken);
        SyntaxNode body = syntax.Body is { } block
            ? (SyntaxNode)rewriter.Visit(block)!
            : SyntaxFactory.ArrowExpressionClause((ExpressionSyntax)rewriter.Visit(syntax.ExpressionBody!.Expression)!);
        return body.NormalizeWhitespace("    ", "\n").ToFullString();
    }

    /// <summary>
    /// A function of the derivative table on floating-point numbers; the tape has a <c>ValueMath</c> function of the
    /// same name for each. The int overloads (<c>Math.Abs(int)</c>, <c>Math.Max(int, int)</c>) compute widths and
    /// indices and stay as they are.
    /// </summary>
    private static bool IsTableFunction(IMethodSymbol callee, int arguments) =>
        TypeClassifier.IsFloating(callee.ReturnType)
        && callee.ContainingType?.ToDisplayString() is { } containing
        && DerivativeTable.MathClassOf(containing) is not null
        && DerivativeTable.Find(callee.Name, arguments) is not null;

    /// <summary>
    /// True when a recursive call passes to a differentiable span parameter something the tape does not hold as an
    /// array of Values: a slice, a span buffer, a passive span, a static table. Only an array local or a differentiable
    /// span parameter of the method is one already.
    /// </summary>
    private static bool NeedsValueArray(SemanticModel model, IMethodSymbol callee, ArgumentSyntax argument, int position, CancellationToken cancellationToken)
    {
        if (TapeCalls.ParameterOf(callee, argument, position) is not { } parameter || Callees.RoleOf(parameter) != ParamRole.Span)
        {
            return false;
        }

        return model.GetSymbolInfo(argument.Expression, cancellationToken).Symbol switch
        {
            IParameterSymbol passed => Callees.RoleOf(passed) != ParamRole.Span,
            ILocalSymbol local => local.Type is not IArrayTypeSymbol,
            _ => true,
        };
    }

    /// <summary>A span parameter the callee may write into (<c>Span&lt;double&gt;</c>, <c>double[]</c>), where a copy would lose the writes.</summary>
    private static bool IsWritable(IParameterSymbol parameter) =>
        parameter.Type is IArrayTypeSymbol || parameter.Type is INamedTypeSymbol { Name: "Span" };

    private sealed class Rewriter(SemanticModel model, IMethodSymbol method, string bodyName, CancellationToken cancellationToken) : CSharpSyntaxRewriter
    {
        private static readonly TypeSyntax Value = SyntaxFactory.ParseTypeName(ValueType);

        public override SyntaxNode? VisitPredefinedType(PredefinedTypeSyntax node) =>
            node.Keyword.Kind() is SyntaxKind.DoubleKeyword or SyntaxKind.FloatKeyword && node.Parent is not MemberAccessExpressionSyntax
                ? Value.WithTriviaFrom(node)
                : node;

        public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
        {
            var callee = model.GetSymbolInfo(node, cancellationToken).Symbol as IMethodSymbol;
            var visited = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;
            if (callee is null)
            {
                return visited;
            }

            if (IsTableFunction(callee, node.ArgumentList.Arguments.Count))
            {
                return visited.WithExpression(SyntaxFactory.ParseExpression("global::AutoDiff.ValueMath." + callee.Name));
            }

            // d.TryGetValue(k, out var v), s.TryPop(out v): on a miss the source's v is 0, the tape's a null Value.
            if (TypeClassifier.IsCollectionMethod(callee) && callee.ReturnType.SpecialType == SpecialType.System_Boolean
                && node.ArgumentList.Arguments.FirstOrDefault(a => a.RefKindKeyword.IsKind(SyntaxKind.OutKeyword)
                    && TypeClassifier.IsFloating(model.GetTypeInfo(a.Expression, cancellationToken).Type)) is { } handedBack
                && (handedBack.Expression switch
                {
                    DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax single } => SyntaxFactory.IdentifierName(single.Identifier.ValueText),
                    IdentifierNameSyntax or MemberAccessExpressionSyntax or ElementAccessExpressionSyntax => (ExpressionSyntax)visited.ArgumentList.Arguments[node.ArgumentList.Arguments.IndexOf(handedBack)].Expression.WithoutTrivia(),
                    _ => null,
                }) is { } target)
            {
                return SyntaxFactory.ParseExpression("global::AutoDiff.CompilerServices.TapeSpans.ZeroWhenMissing(" + visited.WithoutTrivia().ToFullString() + ", ref " + target.ToFullString() + ")").WithTriviaFrom(node);
            }

            // Clear on a buffer of Values would leave nulls, and a copy from numbers (a table, a [NoDerivative] span)
            // into one does not compile: both go through TapeSpans.
            if (callee.Name is "Clear" or "CopyTo"
                && TypeClassifier.IsSpanMethod(callee)
                && node.Expression is MemberAccessExpressionSyntax { Expression: var spanReceiver }
                && visited.Expression is MemberAccessExpressionSyntax { Expression: var rewrittenReceiver })
            {
                if (callee.Name == "Clear" && TypeClassifier.FloatingSequence(model.GetTypeInfo(spanReceiver, cancellationToken).Type) is not null)
                {
                    return SyntaxFactory.ParseExpression("global::AutoDiff.CompilerServices.TapeSpans.Clear(" + rewrittenReceiver.WithoutTrivia().ToFullString() + ")");
                }

                if (callee.Name == "CopyTo" && StaysNumbers(spanReceiver) && visited.ArgumentList.Arguments.Count == 1)
                {
                    return SyntaxFactory.ParseExpression("global::AutoDiff.CompilerServices.TapeSpans.CopyTo(" + rewrittenReceiver.WithoutTrivia().ToFullString()
                        + ", " + visited.ArgumentList.Arguments[0].Expression.WithoutTrivia().ToFullString() + ")");
                }
            }

            // Array.Clear(buffer) on a buffer of Values would leave nulls too.
            if (callee is { Name: "Clear", Parameters.Length: 1 }
                && TypeClassifier.IsArrayMethod(callee)
                && TypeClassifier.FloatingSequence(model.GetTypeInfo(node.ArgumentList.Arguments[0].Expression, cancellationToken).Type) is not null)
            {
                return SyntaxFactory.ParseExpression("global::AutoDiff.CompilerServices.TapeSpans.Clear(" + visited.ArgumentList.Arguments[0].Expression.WithoutTrivia().ToFullString() + ")");
            }

            // The tape's body takes a differentiable span parameter as an array of Values, which has no Slice, ToArray
            // or TryCopyTo: view it as a span. (A local function's span parameter and a passive span stay spans.)
            if (callee.Name is "Slice" or "ToArray" or "TryCopyTo"
                && node.Expression is MemberAccessExpressionSyntax { Expression: var receiver }
                && IsValueArray(receiver)
                && visited.Expression is MemberAccessExpressionSyntax slice)
            {
                return visited.WithExpression(slice.WithExpression(SyntaxFactory.ParseExpression(
                    "global::System.MemoryExtensions.AsSpan(" + slice.Expression.WithoutTrivia().ToFullString() + ")")));
            }

            if (SymbolEqualityComparer.Default.Equals(callee.OriginalDefinition, method.OriginalDefinition))
            {
                // The tape's body takes a differentiable span parameter as an array of Values: a slice, a buffer or a
                // passive span passed to one is copied into such an array (the same Values, so derivatives flow; the
                // check before rewriting refused it where the parameter is writable and a copy would lose the writes).
                var arguments = node.ArgumentList.Arguments.Select((a, i) => NeedsValueArray(model, callee, a, i, cancellationToken)
                    ? visited.ArgumentList.Arguments[i].WithExpression(SyntaxFactory.ParseExpression(
                        "global::AutoDiff.CompilerServices.TapeSpans.ToArray(" + visited.ArgumentList.Arguments[i].Expression.WithoutTrivia().ToFullString() + ")"))
                    : visited.ArgumentList.Arguments[i]);
                return visited.WithExpression(SyntaxFactory.IdentifierName(bodyName))
                    .WithArgumentList(visited.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(arguments)));
            }

            if (TapeCalls.ReadsNumbers(callee) && !Callees.IsDifferentiable(callee))
            {
                // A store into a collection of the body's numbers (span.Fill(v), list.Add(v); TapeCalls allows no other
                // call with such an argument) keeps the Value itself, or the stored elements would lose its derivative.
                // A sequence of the body's Values handed to a helper's ReadOnlySpan<double> goes as their numbers.
                var arguments = node.ArgumentList.Arguments.Select((a, i) =>
                    TapeCalls.PassesValue(TapeCalls.ParameterOf(callee, a, i))
                        ? visited.ArgumentList.Arguments[i]
                        : TapeCalls.HoldsValues(model, a.Expression, cancellationToken) && TapeCalls.IsReadOnlyDoubles(TapeCalls.ParameterOf(callee, a, i)?.Type)
                            ? visited.ArgumentList.Arguments[i].WithExpression(SyntaxFactory.ParseExpression("global::AutoDiff.CompilerServices.TapeSpans.Numbers(" + visited.ArgumentList.Arguments[i].Expression.WithoutTrivia().ToFullString() + ")"))
                            : visited.ArgumentList.Arguments[i].WithExpression(DataOf(a.Expression, visited.ArgumentList.Arguments[i].Expression)));
                return visited.WithArgumentList(visited.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(arguments)));
            }

            return visited;
        }

        // 'double acc = default;' would be a null Value: the number 0 is a zero leaf, as a zero-filled buffer holds.
        public override SyntaxNode? VisitLiteralExpression(LiteralExpressionSyntax node) =>
            node.IsKind(SyntaxKind.DefaultLiteralExpression) && TypeClassifier.IsFloating(model.GetTypeInfo(node, cancellationToken).ConvertedType)
                ? SyntaxFactory.ParseExpression("new " + ValueType + "(0)").WithTriviaFrom(node)
                : base.VisitLiteralExpression(node);

        public override SyntaxNode? VisitDefaultExpression(DefaultExpressionSyntax node) =>
            TypeClassifier.IsFloating(model.GetTypeInfo(node, cancellationToken).ConvertedType)
                ? SyntaxFactory.ParseExpression("new " + ValueType + "(0)").WithTriviaFrom(node)
                : base.VisitDefaultExpression(node);

        // 'w.IsEmpty' on a span parameter, which the tape's body takes as an array of Values.
        public override SyntaxNode? VisitMemberAccessExpression(MemberAccessExpressionSyntax node)
        {
            var visited = (MemberAccessExpressionSyntax)base.VisitMemberAccessExpression(node)!;
            return node.Name.Identifier.Text == "IsEmpty" && IsValueArray(node.Expression)
                ? SyntaxFactory.ParseExpression("(" + visited.Expression.WithoutTrivia().ToFullString() + ".Length == 0)").WithTriviaFrom(node)
                : visited;
        }

        // A differentiable span parameter of the method itself: the tape's body holds it as an array of Values.
        private bool IsValueArray(ExpressionSyntax expression) =>
            model.GetSymbolInfo(expression, cancellationToken).Symbol is IParameterSymbol parameter
            && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method)
            && Callees.RoleOf(parameter) == ParamRole.Span;

        // A number handed to an object parameter (new ArgumentOutOfRangeException(nameof(x), x, "…"), the one place
        // the tape lets a number become an object) is handed as the number, so the message shows it as the source does.
        public override SyntaxNode? VisitArgument(ArgumentSyntax node)
        {
            var visited = (ArgumentSyntax)base.VisitArgument(node)!;
            return model.GetOperation(node, cancellationToken) is IArgumentOperation { Parameter.Type.SpecialType: SpecialType.System_Object }
                ? visited.WithExpression(DataOf(node.Expression, visited.Expression))
                : visited;
        }

        // A number written into text ($"{x}", "x = " + x) is written as the number, not as the Value holding it.
        public override SyntaxNode? VisitInterpolation(InterpolationSyntax node)
        {
            var visited = (InterpolationSyntax)base.VisitInterpolation(node)!;
            return visited.WithExpression(DataOf(node.Expression, visited.Expression));
        }

        // 'v is > 0 and < 1' on a Value tests its number (a pattern has no derivative, and Value is no constant type).
        public override SyntaxNode? VisitIsPatternExpression(IsPatternExpressionSyntax node)
        {
            var visited = (IsPatternExpressionSyntax)base.VisitIsPatternExpression(node)!;
            return visited.WithExpression(DataOf(node.Expression, visited.Expression));
        }

        // A constant stays a double: 'const Value' is not C# (CS0134), and Value mixes with double anyway.
        public override SyntaxNode? VisitLocalDeclarationStatement(LocalDeclarationStatementSyntax node) =>
            node.IsConst ? node : base.VisitLocalDeclarationStatement(node);

        // 'var t = 0.25 * k;' infers double from an initializer the tape leaves a double, and a later 't *= Math.Tanh(x)'
        // would then assign a Value to it: a floating 'var' becomes a Value, as a declared double does.
        public override SyntaxNode? VisitVariableDeclaration(VariableDeclarationSyntax node)
        {
            var visited = (VariableDeclarationSyntax)base.VisitVariableDeclaration(node)!;
            // 'var t = (x, 0.0);' infers (Value, double) from the rewritten literal: its type is spelled out too.
            var type = model.GetTypeInfo(node.Type, cancellationToken).Type;
            var spelled = !node.Type.IsVar ? null
                : TypeClassifier.IsFloating(type) ? Value
                : type is INamedTypeSymbol { IsTupleType: true } && node.Variables.Any(v => v.Initializer?.Value is TupleExpressionSyntax) ? Spelled(type)
                : null;
            return spelled is not null ? visited.WithType(spelled.WithTriviaFrom(visited.Type)) : visited;
        }

        // 'var (a, b) = (x * 2, 1.0);' would infer a double for b, which a later 'b = x' could not take: each element
        // gets its type spelled out, with Value for the numbers.
        public override SyntaxNode? VisitDeclarationExpression(DeclarationExpressionSyntax node)
        {
            if (node.Type.IsVar && node.Designation is ParenthesizedVariableDesignationSyntax { Variables: var variables }
                && variables.All(v => v is SingleVariableDesignationSyntax or DiscardDesignationSyntax))
            {
                var elements = variables.Select(v => v is SingleVariableDesignationSyntax single
                    && model.GetDeclaredSymbol(single, cancellationToken) is ILocalSymbol local
                    && (Spelled(local.Type) ?? SyntaxFactory.ParseTypeName(local.Type.ToDisplayString())) is { } type
                        ? SyntaxFactory.Argument(SyntaxFactory.DeclarationExpression(type, single))
                        : SyntaxFactory.Argument(SyntaxFactory.IdentifierName("_")));
                return SyntaxFactory.TupleExpression(SyntaxFactory.SeparatedList(elements)).WithTriviaFrom(node);
            }

            return base.VisitDeclarationExpression(node);
        }

        // 'new[] { 1.0, 2.0 }' infers double[]: an array of the body's numbers is an array of Values.
        public override SyntaxNode? VisitImplicitArrayCreationExpression(ImplicitArrayCreationExpressionSyntax node)
        {
            return TypeClassifier.FloatingSequence(model.GetTypeInfo(node, cancellationToken).Type) is not null
                ? ValuesListed(node.Initializer).WithTriviaFrom(node)
                : base.VisitImplicitArrayCreationExpression(node);
        }

        // sizeof(double) is the number's size, which the tape's rewriting must leave alone.
        public override SyntaxNode? VisitSizeOfExpression(SizeOfExpressionSyntax node) => node;

        public override SyntaxNode? VisitTypeOfExpression(TypeOfExpressionSyntax node) => node;

        /// <summary>A type that holds the body's numbers, spelled with Value for each (a tuple, an array of them), or null.</summary>
        private static TypeSyntax? Spelled(ITypeSymbol? type) =>
            type is null || !TypeClassifier.InvolvesFloating(type) ? null
            : TypeClassifier.IsFloating(type) ? Value
            : type is IArrayTypeSymbol or INamedTypeSymbol { IsTupleType: true }
                ? SyntaxFactory.ParseTypeName(System.Text.RegularExpressions.Regex.Replace(type.ToDisplayString(), @"\b(double|float)\b", ValueType))
                : null;

        public override SyntaxNode? VisitPrefixUnaryExpression(PrefixUnaryExpressionSyntax node)
        {
            var visited = (PrefixUnaryExpressionSyntax)base.VisitPrefixUnaryExpression(node)!;
            if (node.IsKind(SyntaxKind.UnaryPlusExpression) && TypeClassifier.IsFloating(model.GetTypeInfo(node, cancellationToken).Type))
            {
                // Value has no unary '+', and on a number it is the identity; its operand is already a unary expression.
                return visited.Operand.WithTriviaFrom(visited);
            }

            // Formatting joins '-' and '-y' into the pre-decrement '--y'; parentheses keep them two negations.
            return visited.Kind() is SyntaxKind.UnaryMinusExpression or SyntaxKind.UnaryPlusExpression
                   && visited.Operand.GetFirstToken().Kind() is SyntaxKind.MinusToken or SyntaxKind.PlusToken or SyntaxKind.MinusMinusToken or SyntaxKind.PlusPlusToken
                ? visited.WithOperand(SyntaxFactory.ParenthesizedExpression(visited.Operand.WithoutTrivia()))
                : visited;
        }

        public override SyntaxNode? VisitBinaryExpression(BinaryExpressionSyntax node)
        {
            var visited = (BinaryExpressionSyntax)base.VisitBinaryExpression(node)!;
            if (node.IsKind(SyntaxKind.AddExpression) && model.GetTypeInfo(node, cancellationToken).Type?.SpecialType == SpecialType.System_String)
            {
                return visited.WithLeft(DataOf(node.Left, visited.Left)).WithRight(DataOf(node.Right, visited.Right));
            }

            if (node.Kind() is not (SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression))
            {
                return visited;
            }

            // Value has no ==/!=; equality compares the numbers.
            return visited
                .WithLeft(DataOf(node.Left, visited.Left))
                .WithRight(DataOf(node.Right, visited.Right));
        }

        public override SyntaxNode? VisitCastExpression(CastExpressionSyntax node)
        {
            var visited = (CastExpressionSyntax)base.VisitCastExpression(node)!;
            // A cast to any number type but double or float (int, long, byte, char, decimal, …) takes the Value's number.
            var target = model.GetTypeInfo(node.Type, cancellationToken).Type;
            var toNumber = target?.SpecialType is >= SpecialType.System_Char and <= SpecialType.System_Decimal and not (SpecialType.System_Double or SpecialType.System_Single)
                || target?.SpecialType == SpecialType.System_Boolean;
            return toNumber ? visited.WithExpression(DataOf(node.Expression, visited.Expression)) : visited;
        }

        // A switch on a number tests the number, as an 'is' pattern does: a pattern has no derivative.
        public override SyntaxNode? VisitSwitchStatement(SwitchStatementSyntax node)
        {
            var visited = (SwitchStatementSyntax)base.VisitSwitchStatement(node)!;
            return visited.WithExpression(DataOf(node.Expression, visited.Expression));
        }

        public override SyntaxNode? VisitSwitchExpression(SwitchExpressionSyntax node)
        {
            var visited = (SwitchExpressionSyntax)base.VisitSwitchExpression(node)!;
            return visited.WithGoverningExpression(DataOf(node.GoverningExpression, visited.GoverningExpression));
        }

        // Values are objects, which the stack cannot hold: a stackalloc of doubles becomes an array of Values, listed or zero-filled.
        public override SyntaxNode? VisitStackAllocArrayCreationExpression(StackAllocArrayCreationExpressionSyntax node) =>
            node.Type is ArrayTypeSyntax array && TypeClassifier.IsFloating(model.GetTypeInfo(array.ElementType, cancellationToken).Type)
                ? node.Initializer is { } listed ? ValuesListed(listed) : ZeroFilled(array)
                : base.VisitStackAllocArrayCreationExpression(node);

        public override SyntaxNode? VisitImplicitStackAllocArrayCreationExpression(ImplicitStackAllocArrayCreationExpressionSyntax node) =>
            TypeClassifier.FloatingSequence(model.GetTypeInfo(node, cancellationToken).Type) is not null
                ? ValuesListed(node.Initializer)
                : base.VisitImplicitStackAllocArrayCreationExpression(node);

        private ExpressionSyntax ValuesListed(InitializerExpressionSyntax listed) =>
            SyntaxFactory.ArrayCreationExpression(
                SyntaxFactory.ArrayType(Value, SyntaxFactory.SingletonList(SyntaxFactory.ArrayRankSpecifier(SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(SyntaxFactory.OmittedArraySizeExpression())))),
                (InitializerExpressionSyntax)Visit(listed)!);

        public override SyntaxNode? VisitArrayCreationExpression(ArrayCreationExpressionSyntax node) =>
            node.Initializer is null && TypeClassifier.IsFloating(model.GetTypeInfo(node.Type.ElementType, cancellationToken).Type)
                ? ZeroFilled(node.Type)
                : base.VisitArrayCreationExpression(node);

        // new Value[n] would hold nulls where the double version holds zeros; one shared zero leaf is enough.
        private ExpressionSyntax ZeroFilled(ArrayTypeSyntax array) =>
            SyntaxFactory.ParseExpression(
                "global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.Repeat(new " + ValueType + "(0), "
                + ((ExpressionSyntax)Visit(array.RankSpecifiers[0].Sizes[0])!).ToFullString() + "))");

        // A floating sequence the tape's body leaves as numbers: a static table, a [NoDerivative] (passive) span parameter.
        private bool StaysNumbers(ExpressionSyntax sequence) => TapeCalls.IsNumbers(model, sequence, cancellationToken);

        // A float's Value holds a double: handed on as a float (float.IsNaN(v), a helper taking a float), it is one again.
        private ExpressionSyntax DataOf(ExpressionSyntax original, ExpressionSyntax rewritten)
        {
            var type = model.GetTypeInfo(original, cancellationToken).Type;
            if (!TypeClassifier.IsFloating(type) || model.GetConstantValue(original, cancellationToken).HasValue)
            {
                return rewritten;
            }

            var data = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ParenthesizedExpression(rewritten), SyntaxFactory.IdentifierName("Data"));
            return type!.SpecialType == SpecialType.System_Single
                ? SyntaxFactory.ParenthesizedExpression(SyntaxFactory.CastExpression(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.FloatKeyword)), data))
                : data;
        }
    }
}
