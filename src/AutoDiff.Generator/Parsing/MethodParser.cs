using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AutoDiff.Generator.Diagnostics;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Analysis;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Lowering;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoDiff.Generator.Parsing;

/// <summary>Parse stage: one [Differentiable] method (symbol + syntax) to a value-equatable model plus diagnostics.</summary>
internal static class MethodParser
{
    public static MethodParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var method = (IMethodSymbol)context.TargetSymbol;
        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        try
        {
            return ParseCore(context.SemanticModel, method, syntax, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, SafeLocation(syntax), method.Name, exception.GetType().Name + ": " + exception.Message));
        }
    }

    /// <summary>AD0014 for each argument of a [NoDerivative] parameter that varies with the differentiation arguments.</summary>
    private static IEnumerable<DiagnosticInfo> DroppedDerivatives(BodyParser parser, EquatableArray<Stmt> body, IEnumerable<ParameterModel> parameters, string method)
    {
        if (parser.PassiveArguments.Count == 0)
        {
            yield break;
        }

        var varied = Activity.Varied(body, parameters);
        foreach (var (argument, location, parameter, callee) in parser.PassiveArguments)
        {
            var varies = Activity.SequencePassed(argument) is { } sequence
                ? varied.Contains(sequence)
                : argument.Kind.IsFloating() && Activity.IsActive(argument, varied);
            if (varies)
            {
                yield return DiagnosticInfo.Create(DiagnosticDescriptors.DerivativeDropped, location, method, parameter, callee);
            }
        }
    }

    private static MethodParseResult ParseCore(SemanticModel semanticModel, IMethodSymbol method, MethodDeclarationSyntax syntax, CancellationToken cancellationToken)
    {
        var at = LocationInfo.From(syntax.Identifier.GetLocation());
        if (!method.IsStatic)
        {
            return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.MethodShape, at, method.Name, "must be static"));
        }

        if (method.IsGenericMethod)
        {
            return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.MethodShape, at, method.Name, "must not be generic"));
        }

        if (syntax.Body is null && syntax.ExpressionBody is null)
        {
            return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.MethodShape, at, method.Name, "must have a body"));
        }

        foreach (var typeSyntax in syntax.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!typeSyntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.TypeNotPartial, LocationInfo.From(typeSyntax.Identifier.GetLocation()), typeSyntax.Identifier.Text, method.Name));
            }
        }

        var vector = VectorMethods.ShapeOf(method);
        if (vector?.Problem is { } vectorProblem)
        {
            return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.VectorOutputNotDifferentiable, LocationInfo.From(syntax.ReturnType), method.Name, vectorProblem));
        }

        if ((vector?.Kind ?? TypeClassifier.Scalar(method.ReturnType)) is not { } returnKind || !returnKind.IsFloating())
        {
            return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedReturnType, LocationInfo.From(syntax.ReturnType), method.Name, method.ReturnType.ToDisplayString()));
        }

        var parameters = new List<ParameterModel>();
        var taken = new HashSet<string>(method.Parameters.Select(p => p.Name));
        var kinds = Callees.KindsOf(method);
        // Second-order code calls its callees' pushforwards, so a method with Hessians has a pushforward too.
        // A vector-valued method has no Hessian (AD0012 below), so its flag implies no pushforward either.
        var hessian = vector is null && (kinds & Callees.HessianKind) != 0;
        var pushforward = (kinds & (vector is null ? Callees.PushforwardKind | Callees.HessianKind : Callees.PushforwardKind)) != 0;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.IsParams || parameter.Type.TypeKind == TypeKind.Dynamic)
            {
                var parameterSyntax = syntax.ParameterList.Parameters[parameter.Ordinal];
                var what = parameter.IsParams ? "a 'params' parameter"
                    : parameter.Type.TypeKind == TypeKind.Dynamic ? "of type 'dynamic', whose operations are bound only at run time"
                    : "passed by '" + parameter.RefKind.ToString().ToLowerInvariant() + "'";
                return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedParameter, LocationInfo.From(parameterSyntax), parameter.Name, method.Name, what));
            }

            // A vector method's output span is written, not differentiated: it gets a cotangent, not an adjoint.
            var role = parameter.Name == vector?.Span ? ParamRole.Passive : Callees.RoleOf(parameter);
            if (role == ParamRole.Passive && parameter.Name != vector?.Span && !Callees.IsMarkedNoDerivative(parameter) && TypeClassifier.HoldsUnsupportedNumbers(parameter.Type))
            {
                // Numbers in a shape the generator cannot differentiate (rows of rows, a matrix, a list): said at the
                // parameter, rather than as a passive value the body then cannot use.
                return Failed(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnsupportedParameter,
                    LocationInfo.From(syntax.ParameterList.Parameters[parameter.Ordinal]),
                    parameter.Name,
                    method.Name,
                    "of type '" + parameter.Type.ToDisplayString() + "', whose numbers the generator cannot differentiate (pass them as one ReadOnlySpan<double> or double[], rows one after another, or mark the parameter [NoDerivative] if it is data)"));
            }

            var elementKind = TypeClassifier.Scalar(parameter.Type) ?? TypeClassifier.FloatingSequence(parameter.Type) ?? NumKind.Int;
            var adjoint = role == ParamRole.Passive ? null : AdjointNames.Choose(parameter.Name, taken);
            var tangent = role == ParamRole.Passive || !(pushforward || vector is not null) ? null : AdjointNames.Choose(parameter.Name, taken, "t");
            var direction = role == ParamRole.Passive || !hessian ? null : AdjointNames.Choose(parameter.Name, taken, "v");
            var product = role == ParamRole.Passive || !hessian ? null : AdjointNames.Choose(parameter.Name, taken, "h");
            parameters.Add(new ParameterModel(parameter.Name, parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), role, elementKind, adjoint, tangent, direction, product));
        }

        // 'dynamic' defers every operation to run time: neither the transformation nor the tape can see through it.
        var bodySyntax = (SyntaxNode?)syntax.Body ?? syntax.ExpressionBody!;
        foreach (var expression in bodySyntax.DescendantNodes().OfType<ExpressionSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (semanticModel.GetTypeInfo(expression, cancellationToken).Type?.TypeKind == TypeKind.Dynamic)
            {
                return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConstruct, LocationInfo.From(expression), "A 'dynamic' expression", "give it a static type (double, float, int, bool or a span)"));
            }
        }

        var seedName = AdjointNames.Unique("seed", taken);
        var tangentName = AdjointNames.Unique("tangent", taken);
        var seedDirectionName = AdjointNames.Unique("v" + seedName, taken);
        var hessianName = AdjointNames.Unique("hessian", taken);
        var vectorNames = vector is null ? null : VectorMethods.Describe(vector, taken);
        var clash = vector is not null ? FindClash(method, VectorMethods.Suffixes) : FindClash(method, pushforward, hessian);
        if (clash is not null)
        {
            return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.NameClash, at, method.ContainingType.Name, clash, method.Name));
        }

        var diagnostics = new List<DiagnosticInfo>();
        var userPullback = Callees.FindUserPullback(method);
        var body = EquatableArray<Stmt>.Empty;
        string? fallbackReason = null;
        if (userPullback is null)
        {
            var parser = new BodyParser(semanticModel, method, taken, cancellationToken, vector?.Span);
            try
            {
                body = parser.ParseBody(syntax);
                var shapeProblem = Normalizer.FindUnsupportedJump(body);
                if (shapeProblem is not null)
                {
                    throw new FallbackRequiredException(shapeProblem, at);
                }

                if (vector is not null && VectorMethods.BodyProblem(vector, body) is { } outputProblem)
                {
                    return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.VectorOutputNotDifferentiable, at, method.Name, outputProblem));
                }

                if (!(vector is null ? Activity.ResultDependsOnInputs(body, parameters) : VectorMethods.OutputsDependOnInputs(vector, body, parameters)))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ZeroDerivative, at, method.Name));
                }

                diagnostics.AddRange(DroppedDerivatives(parser, body, parameters, method.Name));
            }
            catch (NotDifferentiableException notDifferentiable)
            {
                return Failed(notDifferentiable.Diagnostic);
            }
            catch (FallbackRequiredException fallback)
            {
                fallbackReason = fallback.Reason;
                var tapeProblem = TapeRewriter.FindProblem(semanticModel, syntax, cancellationToken);
                if (tapeProblem is not null)
                {
                    return Failed(tapeProblem);
                }

                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FallsBackToTape, fallback.Location ?? at, method.Name, fallback.Reason));
            }
        }

        if (vector is not null && (userPullback is not null || fallbackReason is not null))
        {
            return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.VectorOutputNotDifferentiable, at, method.Name, userPullback is not null
                ? "has the [DerivativeOf] method '" + userPullback + "', and a user pullback of a vector-valued method is not supported; remove it and let the body be differentiated"
                : "would have to run on the runtime tape (" + fallbackReason + "), which has no vector outputs; rewrite that part with loops and if/else"));
        }

        if (vector is not null && (kinds & Callees.HessianKind) != 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KindNotAvailable, at, method.Name, "Derivatives.Hessian", "a vector-valued method has no Hessian; take the Jacobian of each output's gradient, or differentiate a scalar function of the outputs"));
        }

        if (hessian && HessianProblem(userPullback, fallbackReason, body, parameters, returnKind) is { } secondOrderProblem)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KindNotAvailable, at, method.Name, "Derivatives.Hessian", secondOrderProblem));
            hessian = false;
            parameters = parameters.Select(p => p with { DirectionName = null, ProductName = null }).ToList();
            if ((kinds & Callees.PushforwardKind) == 0)
            {
                // The pushforward was only implied by the Hessian: it goes with it, without a second diagnostic.
                pushforward = false;
                parameters = parameters.Select(p => p with { TangentName = null }).ToList();
            }
        }

        if (pushforward && PushforwardProblem(userPullback, fallbackReason, body) is { } problem)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KindNotAvailable, at, method.Name, "Derivatives.Pushforward", problem));
            pushforward = false;
        }

        var vectorOutput = vectorNames is null ? null : vectorNames with { Forward = PushforwardProblem(userPullback, fallbackReason, body) is null, PublicPushforward = pushforward };
        var fallbackName = fallbackReason is null ? TapeRewriter.BodyName : TapeRewriter.BodyNameFor(syntax);
        var fallbackBody = fallbackReason is null ? null : TapeRewriter.Rewrite(semanticModel, syntax, method, fallbackName, cancellationToken);
        var model = new MethodModel(
            method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            ContainingTypes(method),
            Usings(syntax),
            method.Name,
            SyntaxFacts.GetText(method.DeclaredAccessibility),
            returnKind,
            parameters.ToEquatableArray(),
            seedName,
            fallbackBody is null ? body : EquatableArray<Stmt>.Empty,
            userPullback,
            fallbackBody,
            fallbackReason,
            HintNames.For(method),
            pushforward,
            tangentName,
            hessian,
            seedDirectionName,
            hessianName,
            vectorOutput,
            fallbackName);
        return new MethodParseResult(model, at, diagnostics.ToEquatableArray());
    }

    private static MethodParseResult Failed(DiagnosticInfo diagnostic) => new(null, diagnostic.Location, EquatableArray.Of(diagnostic));

    private static LocationInfo? SafeLocation(MethodDeclarationSyntax syntax)
    {
        try
        {
            return LocationInfo.From(syntax.Identifier.GetLocation());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Why a pushforward cannot be written for this body, or null.</summary>
    private static string? PushforwardProblem(string? userPullback, string? fallbackReason, EquatableArray<Stmt> body)
    {
        if (userPullback is not null)
        {
            return "its derivative is the [DerivativeOf] pullback '" + userPullback + "', and a pullback cannot give a forward-mode derivative; remove Derivatives.Pushforward, or differentiate the body";
        }

        if (fallbackReason is not null)
        {
            return "its body runs on the runtime tape (" + fallbackReason + "), which has no forward mode";
        }

        var callee = ExprTree.Callees(body).FirstOrDefault(c => c.Pushforward is null);
        return callee is null ? null : "it calls '" + callee.Target + "', which has no pushforward; mark that method [Differentiable(Derivatives.Pushforward)]";
    }

    /// <summary>Why second-order code cannot be written for this body, or null.</summary>
    private static string? HessianProblem(string? userPullback, string? fallbackReason, EquatableArray<Stmt> body, IReadOnlyList<ParameterModel> parameters, NumKind returnKind)
    {
        if (userPullback is not null)
        {
            return "its derivative is the [DerivativeOf] pullback '" + userPullback + "', which cannot be differentiated again; remove Derivatives.Hessian, or differentiate the body";
        }

        if (fallbackReason is not null)
        {
            return "its body runs on the runtime tape (" + fallbackReason + "), which has no second order";
        }

        var tuple = Normalizer.Walk(body).SelectMany(ExprTree.OfStatement).SelectMany(ExprTree.Walk).OfType<TupleElementExpr>().FirstOrDefault();
        if (tuple is not null)
        {
            return "it calls the vector-valued '" + tuple.Call.Target + "', and vector-valued methods have no second-order code yet";
        }

        // Second-order code finds a callee's members by name, so two overloads it calls would be taken for one.
        var overloaded = ExprTree.Callees(body).GroupBy(c => c.Target).FirstOrDefault(g => g.Select(c => (c.Args.Count, string.Join(",", c.Roles), string.Join(",", c.ParamKinds))).Distinct().Count() > 1);
        if (overloaded is not null)
        {
            return "it calls two overloads of '" + overloaded.Key + "', which its second-order code cannot tell apart yet; give them different names";
        }

        var callee = ExprTree.Callees(body).FirstOrDefault(c => c.PullbackPushforward is null);
        if (callee is not null)
        {
            return "it calls '" + callee.Target + "', which has no second-order code; mark that method [Differentiable(Derivatives.Hessian)]";
        }

        // The Hessian is one matrix of the result's type, and each product lands in it by reference.
        var mixed = parameters.FirstOrDefault(p => p.Role != ParamRole.Passive && p.ElementKind != returnKind);
        return mixed is null ? null : "parameter '" + mixed.Name + "' is " + mixed.ElementKind.Keyword() + " but the result is " + returnKind.Keyword() + "; give them one floating-point type";
    }

    private static string? FindClash(IMethodSymbol method, bool pushforward, bool hessian) =>
        FindClash(
            method,
            new[] { "WithGradient", "Pullback" }
                .Concat(pushforward ? ["Pushforward"] : [])
                .Concat(hessian ? ["HessianVectorProduct", "WithHessian", "PullbackPushforward"] : []));

    private static string? FindClash(IMethodSymbol method, IEnumerable<string> suffixes)
    {
        foreach (var suffix in suffixes)
        {
            var name = method.Name + suffix;
            if (method.ContainingType.GetMembers(name).Any(m => !m.IsImplicitlyDeclared))
            {
                return name;
            }
        }

        return null;
    }

    private static EquatableArray<ContainingTypeModel> ContainingTypes(IMethodSymbol method)
    {
        var types = new List<ContainingTypeModel>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            var keyword = type.IsRecord
                ? (type.TypeKind == TypeKind.Struct ? "record struct" : "record")
                : type.TypeKind switch
                {
                    TypeKind.Struct => "struct",
                    TypeKind.Interface => "interface",
                    _ => "class",
                };
            var name = type.Name + (type.TypeParameters.Length > 0 ? "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">" : string.Empty);
            types.Insert(0, new ContainingTypeModel(keyword, name));
        }

        return types.ToEquatableArray();
    }

    private static EquatableArray<string> Usings(SyntaxNode syntax) =>
        syntax.SyntaxTree.GetCompilationUnitRoot().Usings
            .Where(u => u.GlobalKeyword.IsKind(SyntaxKind.None))
            .Select(u => BodyParser.OneLine(u))
            .ToEquatableArray();
}
