using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoDiff.Samples.Explorer.Evaluation;

public sealed partial class SubsetLowering
{
    // Each lowered expression has its own (natural) type; the place that uses it converts it to what it needs.
    private Expr? LowerExpression(ExpressionSyntax expression)
    {
        var type = NumOf(_model.GetTypeInfo(expression).Type);
        if (type is not null && _model.GetConstantValue(expression) is { HasValue: true, Value: var constant })
        {
            return constant switch
            {
                bool flag => new ConstantExpr(Num.Bool, 0, flag),
                double or float or int => new ConstantExpr(type.Value, Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture), false),
                _ => Refuse<Expr>(expression, Describe(expression)),
            };
        }

        return expression switch
        {
            ParenthesizedExpressionSyntax { Expression: var inner } => LowerExpression(inner),
            IdentifierNameSyntax name => LowerName(name),
            InvocationExpressionSyntax call => LowerCall(call),
            PrefixUnaryExpressionSyntax unary => LowerPrefix(unary),
            PostfixUnaryExpressionSyntax unary => LowerPostfix(unary),
            BinaryExpressionSyntax binary => LowerBinary(binary),
            ConditionalExpressionSyntax conditional => LowerConditional(conditional),
            CastExpressionSyntax cast => LowerCast(cast),
            AssignmentExpressionSyntax assignment => LowerAssignment(assignment),
            _ => RefuseWithCalls(expression),
        };
    }

    // A refused expression names itself and, so that 'File.ReadAllText(path).Length' says what it would have run, every call inside it.
    private Expr? RefuseWithCalls(ExpressionSyntax expression)
    {
        foreach (var call in expression.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (_model.GetSymbolInfo(call).Symbol is IMethodSymbol method)
            {
                Refuse<Expr>(call, $"the call to '{method.ContainingType.ToDisplayString()}.{method.Name}'");
            }
        }

        return Refuse<Expr>(expression, Describe(expression));
    }

    private Expr? LowerName(IdentifierNameSyntax name)
    {
        var symbol = _model.GetSymbolInfo(name).Symbol;
        if (symbol is ILocalSymbol or IParameterSymbol && _slots.TryGetValue(symbol, out var slot) && NumOf(TypeOf(symbol)) is { } type)
        {
            return new SlotExpr(type, slot);
        }

        return Refuse<Expr>(name, $"the name '{name.Identifier.Text}'");
    }

    private Expr? LowerCall(InvocationExpressionSyntax call)
    {
        var method = _model.GetSymbolInfo(call).Symbol as IMethodSymbol;
        var owner = method?.ContainingType?.ToDisplayString();
        var resultType = NumOf(method?.ReturnType);
        var parameterTypes = method?.Parameters.Select(p => NumOf(p.Type)).ToList() ?? [];
        if (method is null || !method.IsStatic || owner is not ("System.Math" or "System.MathF" or "double" or "float")
            || resultType is null or Num.Bool || parameterTypes.Any(t => t is null or Num.Bool)
            || (resultType == Num.Int && !TapeFunctions.HasIntOverload(method.Name)))
        {
            return Refused(call, method);
        }

        if (call.ArgumentList.Arguments.Any(a => a.NameColon is not null || !a.RefKindKeyword.IsKind(SyntaxKind.None)))
        {
            return Refuse<Expr>(call.ArgumentList, "named or ref arguments");
        }

        // A constant second argument (Math.Pow(x, 2), Math.Log(x, 10)) becomes the tape's constant-exponent or constant-base node.
        double? constantSecond = call.ArgumentList.Arguments.Count > 1
            && _model.GetConstantValue(call.ArgumentList.Arguments[1].Expression) is { HasValue: true, Value: double or float or int } second
                ? Convert.ToDouble(second.Value, System.Globalization.CultureInfo.InvariantCulture)
                : null;
        var tapeFunction = resultType == Num.Real ? TapeFunctions.Find(method.Name, parameterTypes.Select(t => t!.Value).ToList(), constantSecond is not null) : null;
        if (resultType == Num.Real && tapeFunction is null)
        {
            return Refused(call, method);
        }

        var arguments = new List<Expr>();
        foreach (var (argument, parameterType) in call.ArgumentList.Arguments.Zip(parameterTypes))
        {
            if (LowerExpression(argument.Expression) is not { } lowered)
            {
                return null;
            }

            arguments.Add(ConvertTo(lowered, parameterType!.Value));
        }

        var takesConstant = tapeFunction?.GetParameters() is [_, { ParameterType: var t }, ..] && t == typeof(double);
        return new MathCallExpr(resultType.Value, method.Name, arguments, tapeFunction, takesConstant ? constantSecond : null, _source.Map(call));
    }

    private Expr? Refused(InvocationExpressionSyntax call, IMethodSymbol? method)
    {
        var what = method is null ? call.Expression.ToString() : method.ContainingType.ToDisplayString() + "." + method.Name;
        return Refuse<Expr>(call, $"the call to '{what}' (the functions of Math, MathF, double and float that the tape has run: {string.Join(", ", TapeFunctions.Names)})");
    }

    private Expr? LowerPrefix(PrefixUnaryExpressionSyntax unary)
    {
        switch (unary.Kind())
        {
            case SyntaxKind.UnaryPlusExpression:
                return LowerExpression(unary.Operand);
            case SyntaxKind.UnaryMinusExpression:
                return LowerExpression(unary.Operand) is { Type: not Num.Bool } negated ? new NegateExpr(negated) : RefuseWithCalls(unary);
            case SyntaxKind.LogicalNotExpression:
                return LowerExpression(unary.Operand) is { Type: Num.Bool } operand ? new NotExpr(operand) : RefuseWithCalls(unary);
            case SyntaxKind.PreIncrementExpression:
                return LowerIncrement(unary, unary.Operand, 1, prefix: true);
            case SyntaxKind.PreDecrementExpression:
                return LowerIncrement(unary, unary.Operand, -1, prefix: true);
            default:
                return RefuseWithCalls(unary);
        }
    }

    private Expr? LowerPostfix(PostfixUnaryExpressionSyntax unary) => unary.Kind() switch
    {
        SyntaxKind.PostIncrementExpression => LowerIncrement(unary, unary.Operand, 1, prefix: false),
        SyntaxKind.PostDecrementExpression => LowerIncrement(unary, unary.Operand, -1, prefix: false),
        _ => RefuseWithCalls(unary),
    };

    private Expr? LowerIncrement(ExpressionSyntax whole, ExpressionSyntax target, int delta, bool prefix)
    {
        if (AssignedSlot(target) is not { } variable || variable.Type == Num.Bool)
        {
            return Refuse<Expr>(whole, Describe(whole));
        }

        return new IncrementExpr(variable.Type, variable.Slot, target.ToString(), delta, prefix, _source.Map(whole));
    }

    private Expr? LowerBinary(BinaryExpressionSyntax binary)
    {
        var op = OperatorOf(binary.Kind());
        var left = LowerExpression(binary.Left);
        var right = LowerExpression(binary.Right);
        if (op is null || left is null || right is null)
        {
            return op is null ? Refuse<Expr>(binary, $"the operator '{binary.OperatorToken.Text}'") : null;
        }

        if (op is BinaryOp.And or BinaryOp.Or)
        {
            return new BinaryExpr(Num.Bool, op.Value, ConvertTo(left, Num.Bool), ConvertTo(right, Num.Bool), _source.Map(binary));
        }

        return Arithmetic(binary, op.Value, _model.GetSymbolInfo(binary).Symbol as IMethodSymbol, left, right);
    }

    // The operator's own signature (double * double, int < int, bool == bool) says what both operands become.
    private Expr? Arithmetic(SyntaxNode where, BinaryOp op, IMethodSymbol? operatorMethod, Expr left, Expr right)
    {
        var operandType = NumOf(operatorMethod?.Parameters.FirstOrDefault()?.Type);
        var resultType = NumOf(operatorMethod?.ReturnType);
        if (operatorMethod is null || operandType is null || resultType is null
            || operatorMethod.Parameters.Any(p => NumOf(p.Type) != operandType))
        {
            return Refuse<Expr>(where, $"the operator '{operatorMethod?.ToDisplayString() ?? op.ToString()}'");
        }

        if (op == BinaryOp.Remainder && operandType != Num.Int)
        {
            return Refuse<Expr>(where, "'%' on floating-point values (the tape has no remainder; use it on ints)");
        }

        if (operandType == Num.Bool && op is not (BinaryOp.Equal or BinaryOp.NotEqual))
        {
            return Refuse<Expr>(where, $"the operator '{operatorMethod.ToDisplayString()}'");
        }

        return new BinaryExpr(resultType.Value, op, ConvertTo(left, operandType.Value), ConvertTo(right, operandType.Value), _source.Map(where));
    }

    private Expr? LowerConditional(ConditionalExpressionSyntax conditional)
    {
        var type = NumOf(_model.GetTypeInfo(conditional).Type);
        var condition = LowerCondition(conditional.Condition);
        var whenTrue = LowerExpression(conditional.WhenTrue);
        var whenFalse = LowerExpression(conditional.WhenFalse);
        if (type is null || condition is null || whenTrue is null || whenFalse is null)
        {
            return type is null ? Refuse<Expr>(conditional, Describe(conditional)) : null;
        }

        return new ConditionalExpr(condition, ConvertTo(whenTrue, type.Value), ConvertTo(whenFalse, type.Value));
    }

    private Expr? LowerCast(CastExpressionSyntax cast)
    {
        var target = NumOf(_model.GetTypeInfo(cast).Type);
        if (target is null or Num.Bool)
        {
            return Refuse<Expr>(cast, $"the cast to '{cast.Type}'");
        }

        return LowerExpression(cast.Expression) is { Type: not Num.Bool } operand ? ConvertTo(operand, target.Value) : null;
    }

    private Expr? LowerAssignment(AssignmentExpressionSyntax assignment)
    {
        if (AssignedSlot(assignment.Left) is not { } variable)
        {
            return Refuse<Expr>(assignment.Left, $"assigning to '{assignment.Left}' (only locals and parameters can be assigned)");
        }

        if (LowerExpression(assignment.Right) is not { } value)
        {
            return null;
        }

        if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
        {
            return new AssignExpr(variable.Slot, assignment.Left.ToString(), ConvertTo(value, variable.Type));
        }

        var op = assignment.Kind() switch
        {
            SyntaxKind.AddAssignmentExpression => BinaryOp.Add,
            SyntaxKind.SubtractAssignmentExpression => BinaryOp.Subtract,
            SyntaxKind.MultiplyAssignmentExpression => BinaryOp.Multiply,
            SyntaxKind.DivideAssignmentExpression => BinaryOp.Divide,
            SyntaxKind.ModuloAssignmentExpression => BinaryOp.Remainder,
            _ => (BinaryOp?)null,
        };
        if (op is null)
        {
            return Refuse<Expr>(assignment, $"the operator '{assignment.OperatorToken.Text}'");
        }

        var current = new SlotExpr(variable.Type, variable.Slot);
        return Arithmetic(assignment, op.Value, _model.GetSymbolInfo(assignment).Symbol as IMethodSymbol, current, value) is { } combined
            ? new AssignExpr(variable.Slot, assignment.Left.ToString(), ConvertTo(combined, variable.Type))
            : null;
    }

    private (int Slot, Num Type)? AssignedSlot(ExpressionSyntax target) =>
        target is IdentifierNameSyntax
        && _model.GetSymbolInfo(target).Symbol is (ILocalSymbol or IParameterSymbol) and var symbol
        && _slots.TryGetValue(symbol, out var slot)
        && NumOf(TypeOf(symbol)) is { } type
            ? (slot, type)
            : null;

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };

    private static BinaryOp? OperatorOf(SyntaxKind kind) => kind switch
    {
        SyntaxKind.AddExpression => BinaryOp.Add,
        SyntaxKind.SubtractExpression => BinaryOp.Subtract,
        SyntaxKind.MultiplyExpression => BinaryOp.Multiply,
        SyntaxKind.DivideExpression => BinaryOp.Divide,
        SyntaxKind.ModuloExpression => BinaryOp.Remainder,
        SyntaxKind.LessThanExpression => BinaryOp.Less,
        SyntaxKind.GreaterThanExpression => BinaryOp.Greater,
        SyntaxKind.LessThanOrEqualExpression => BinaryOp.LessOrEqual,
        SyntaxKind.GreaterThanOrEqualExpression => BinaryOp.GreaterOrEqual,
        SyntaxKind.EqualsExpression => BinaryOp.Equal,
        SyntaxKind.NotEqualsExpression => BinaryOp.NotEqual,
        SyntaxKind.LogicalAndExpression => BinaryOp.And,
        SyntaxKind.LogicalOrExpression => BinaryOp.Or,
        _ => null,
    };
}
