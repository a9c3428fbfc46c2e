using AutoDiff.Samples.Explorer.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoDiff.Samples.Explorer.Evaluation;

/// <summary>
/// Checks a method against the subset the explorer evaluates and lowers it to a <see cref="MethodPlan"/>, using
/// the semantic model for every name, type and operator. It is a whitelist: each construct is either turned into
/// a plan record or reported as <see cref="DiagnosticIds.OutsideSubset"/> at its span, naming it.
/// </summary>
public sealed partial class SubsetLowering
{
    private static readonly HashSet<string> AllowedModifiers = ["static", "public", "private", "internal"];

    private readonly SemanticModel _model;
    private readonly WrappedSource _source;
    private readonly List<ExplorerDiagnostic> _diagnostics = [];
    private readonly Dictionary<ISymbol, int> _slots = new(SymbolEqualityComparer.Default);

    private SubsetLowering(SemanticModel model, WrappedSource source)
    {
        _model = model;
        _source = source;
    }

    /// <summary>The plan, or null with at least one diagnostic.</summary>
    public static (MethodPlan? Plan, IReadOnlyList<ExplorerDiagnostic> Diagnostics) Lower(
        MethodDeclarationSyntax method, SemanticModel model, WrappedSource source, CancellationToken cancellation)
    {
        var lowering = new SubsetLowering(model, source);
        var plan = lowering.LowerMethod(method, cancellation);
        return (lowering._diagnostics.Count == 0 ? plan : null, lowering._diagnostics);
    }

    private MethodPlan? LowerMethod(MethodDeclarationSyntax method, CancellationToken cancellation)
    {
        if (_model.GetDeclaredSymbol(method, cancellation) is not { } symbol)
        {
            return Refuse<MethodPlan>(method, "this declaration");
        }

        foreach (var modifier in method.Modifiers.Where(m => !AllowedModifiers.Contains(m.Text)))
        {
            Refuse(modifier, $"the '{modifier.Text}' modifier");
        }

        if (!symbol.IsStatic)
        {
            Refuse(method.Identifier, "an instance method (write 'static')");
        }

        if (method.TypeParameterList is not null)
        {
            Refuse(method.TypeParameterList, "a generic method");
        }

        foreach (var attribute in method.AttributeLists.SelectMany(l => l.Attributes)
                     .Where(a => _model.GetTypeInfo(a, cancellation).Type?.ToDisplayString() != "AutoDiff.DifferentiableAttribute"))
        {
            Refuse(attribute, $"the attribute '{attribute}'");
        }

        var returnType = NumOf(symbol.ReturnType);
        if (returnType != Num.Real)
        {
            Refuse(method.ReturnType, $"the return type '{symbol.ReturnType.ToDisplayString()}' (return double or float)");
        }

        var parameters = new List<PlanParameter>();
        foreach (var (syntax, parameter) in method.ParameterList.Parameters.Zip(symbol.Parameters))
        {
            parameters.Add(LowerParameter(syntax, parameter));
        }

        Stmt? body = method switch
        {
            { ExpressionBody: { } arrow } => LowerExpression(arrow.Expression) is { } value ? new ReturnStmt(ConvertTo(value, Num.Real)) : null,
            { Body: { } block } => LowerStatement(block),
            _ => Refuse(method, "a method without a body"),
        };
        return body is null ? null : new MethodPlan(symbol.Name, parameters, _slots.Count, body);
    }

    private PlanParameter LowerParameter(ParameterSyntax syntax, IParameterSymbol parameter)
    {
        var type = NumOf(parameter.Type);
        if (type is not (Num.Real or Num.Int))
        {
            Refuse(syntax, $"the parameter type '{parameter.Type.ToDisplayString()}' (parameters are double, float or int)");
        }

        if (parameter.RefKind != RefKind.None || parameter.IsParams)
        {
            Refuse(syntax, $"the parameter '{syntax}' (pass by value)");
        }

        var noDerivative = false;
        foreach (var attribute in syntax.AttributeLists.SelectMany(l => l.Attributes))
        {
            if (_model.GetTypeInfo(attribute).Type?.ToDisplayString() == "AutoDiff.NoDerivativeAttribute")
            {
                noDerivative = true;
            }
            else
            {
                Refuse(attribute, $"the attribute '{attribute}'");
            }
        }

        var slot = SlotOf(parameter);
        return new PlanParameter(parameter.Name, parameter.Type.ToDisplayString(), type ?? Num.Real, slot, type == Num.Real && !noDerivative);
    }

    private int SlotOf(ISymbol variable)
    {
        if (!_slots.TryGetValue(variable, out var slot))
        {
            slot = _slots.Count;
            _slots[variable] = slot;
        }

        return slot;
    }

    private static Num? NumOf(ITypeSymbol? type) => type?.SpecialType switch
    {
        SpecialType.System_Double or SpecialType.System_Single => Num.Real,
        SpecialType.System_Int32 => Num.Int,
        SpecialType.System_Boolean => Num.Bool,
        _ => null,
    };

    private static Expr ConvertTo(Expr expr, Num type) => expr.Type == type ? expr : new ConvertExpr(type, expr);

    private T? Refuse<T>(SyntaxNode node, string construct)
        where T : class
    {
        Report(_source.Map(node), construct);
        return null;
    }

    private Stmt? Refuse(SyntaxNode node, string construct) => Refuse<Stmt>(node, construct);

    private void Refuse(SyntaxToken token, string construct) => Report(_source.Map(token), construct);

    private void Report(SourceSpanInfo where, string construct) =>
        _diagnostics.Add(ExplorerDiagnostic.Error(
            DiagnosticIds.OutsideSubset,
            $"{char.ToUpperInvariant(construct[0])}{construct[1..]} is outside what the explorer evaluates: it runs double, float, int and bool locals and parameters, " +
            "arithmetic, comparisons, the tape's Math functions, if/else, ?:, for/while/do loops and return, nothing else.",
            where));
}
