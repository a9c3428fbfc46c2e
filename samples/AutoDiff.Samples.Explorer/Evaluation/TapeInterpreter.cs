using AutoDiff.Samples.Explorer.Analysis;

namespace AutoDiff.Samples.Explorer.Evaluation;

/// <summary>
/// Runs a <see cref="MethodPlan"/> on the <see cref="Value"/> tape: double and float variables hold tape nodes,
/// int and bool ones plain numbers. Every operation it can do is spelled out below; it has no way to call
/// anything else.
/// </summary>
public sealed class TapeInterpreter
{
    private readonly EvaluationBudget _budget;
    private readonly object?[] _slots;
    private object? _returned;

    private TapeInterpreter(MethodPlan plan, EvaluationBudget budget)
    {
        _budget = budget;
        _slots = new object?[plan.SlotCount];
    }

    private enum Flow
    {
        Next,
        Break,
        Continue,
        Return,
    }

    /// <summary>
    /// Evaluates at a point (one number per parameter, by name; ints must be whole) and returns the output node
    /// and the leaf of every parameter that has one. Call <see cref="Value.Backward"/> on the output for gradients.
    /// </summary>
    public static (Value Output, IReadOnlyDictionary<string, Value> Leaves) Run(
        MethodPlan plan, IReadOnlyDictionary<string, double> point, EvaluationBudget budget)
    {
        var interpreter = new TapeInterpreter(plan, budget);
        var leaves = new Dictionary<string, Value>();
        foreach (var parameter in plan.Parameters)
        {
            var number = point[parameter.Name];
            if (parameter.Type == Num.Int)
            {
                interpreter._slots[parameter.Slot] = (int)number;
                continue;
            }

            var leaf = new Value(number, parameter.Name);
            leaves[parameter.Name] = leaf;
            interpreter._slots[parameter.Slot] = leaf;
        }

        budget.Nodes(leaves.Count, null);
        interpreter.Execute(plan.Body);
        var output = (Value)interpreter._returned!;
        if (output.Label.Length == 0)
        {
            output.Label = plan.Name;
        }

        return (output, leaves);
    }

    private Flow Execute(Stmt statement)
    {
        switch (statement)
        {
            case BlockStmt block:
                foreach (var inner in block.Statements)
                {
                    var flow = Execute(inner);
                    if (flow != Flow.Next)
                    {
                        return flow;
                    }
                }

                return Flow.Next;
            case ExprStmt { Expression: var expression }:
                Evaluate(expression);
                return Flow.Next;
            case DeclareStmt declare:
                Store(declare.Slot, declare.Name, Evaluate(declare.Value));
                return Flow.Next;
            case IfStmt branch:
                return (bool)Evaluate(branch.Condition) ? Execute(branch.Then)
                    : branch.Else is { } otherwise ? Execute(otherwise) : Flow.Next;
            case LoopStmt loop:
                return ExecuteLoop(loop);
            case BreakStmt:
                return Flow.Break;
            case ContinueStmt:
                return Flow.Continue;
            case ReturnStmt { Value: var value }:
                _returned = Evaluate(value);
                return Flow.Return;
            default:
                throw new InvalidOperationException("No such statement in a plan: " + statement.GetType().Name);
        }
    }

    private Flow ExecuteLoop(LoopStmt loop)
    {
        foreach (var initializer in loop.Initializers)
        {
            Execute(initializer);
        }

        var first = true;
        while (true)
        {
            if ((loop.TestFirst || !first) && loop.Condition is { } condition && !(bool)Evaluate(condition))
            {
                return Flow.Next;
            }

            first = false;
            _budget.Iteration(loop.Where);
            var flow = Execute(loop.Body);
            if (flow == Flow.Return)
            {
                return flow;
            }

            if (flow == Flow.Break)
            {
                return Flow.Next;
            }

            foreach (var incrementor in loop.Incrementors)
            {
                Evaluate(incrementor);
            }
        }
    }

    private void Store(int slot, string name, object value)
    {
        // The seeds label intermediate nodes with their variable's name (e = a*b, d = e + c); the first name given wins.
        if (value is Value { Label.Length: 0 } node)
        {
            node.Label = name;
        }

        _slots[slot] = value;
    }

    private object Evaluate(Expr expression)
    {
        switch (expression)
        {
            case ConstantExpr constant:
                return constant.Type switch
                {
                    Num.Real => Leaf(constant.Number),
                    Num.Int => (int)constant.Number,
                    _ => constant.Flag,
                };
            case SlotExpr slot:
                return _slots[slot.Slot]!;
            case NegateExpr { Operand: var operand }:
                // Each arm cast to object: 'Value : int' would convert the int to a Value through the implicit operator.
                var negated = Evaluate(operand);
                return negated is Value v ? (object)Node(-v, null) : (object)unchecked(-(int)negated);
            case NotExpr { Operand: var operand }:
                return !(bool)Evaluate(operand);
            case BinaryExpr binary:
                return EvaluateBinary(binary);
            case ConditionalExpr conditional:
                return (bool)Evaluate(conditional.Condition) ? Evaluate(conditional.WhenTrue) : Evaluate(conditional.WhenFalse);
            case ConvertExpr convert:
                return Convert(Evaluate(convert.Operand), convert.Type);
            case AssignExpr assign:
                var assigned = Evaluate(assign.Value);
                Store(assign.Slot, assign.Name, assigned);
                return assigned;
            case IncrementExpr increment:
                return EvaluateIncrement(increment);
            case MathCallExpr call:
                return EvaluateCall(call);
            default:
                throw new InvalidOperationException("No such expression in a plan: " + expression.GetType().Name);
        }
    }

    private object EvaluateBinary(BinaryExpr binary)
    {
        if (binary.Op == BinaryOp.And)
        {
            return (bool)Evaluate(binary.Left) && (bool)Evaluate(binary.Right);
        }

        if (binary.Op == BinaryOp.Or)
        {
            return (bool)Evaluate(binary.Left) || (bool)Evaluate(binary.Right);
        }

        var left = Evaluate(binary.Left);
        var right = Evaluate(binary.Right);
        return (left, right) switch
        {
            (Value a, Value b) => binary.Op switch
            {
                BinaryOp.Add => Node(a + b, binary.Where),
                BinaryOp.Subtract => Node(a - b, binary.Where),
                BinaryOp.Multiply => Node(a * b, binary.Where),
                BinaryOp.Divide => Node(a / b, binary.Where),
                _ => Compare(binary.Op, a.Data.CompareTo(b.Data), a.Data == b.Data, double.IsNaN(a.Data) || double.IsNaN(b.Data)),
            },
            (int a, int b) => IntArithmetic(binary, a, b),
            (bool a, bool b) => binary.Op == BinaryOp.Equal ? a == b : a != b,
            _ => throw new InvalidOperationException($"Operands of {binary.Op} do not match: {left.GetType().Name}, {right.GetType().Name}"),
        };
    }

    // IEEE comparisons: every ordered comparison with NaN is false, and NaN != NaN.
    private static object Compare(BinaryOp op, int order, bool equal, bool unordered) => op switch
    {
        BinaryOp.Equal => equal,
        BinaryOp.NotEqual => !equal,
        _ when unordered => false,
        BinaryOp.Less => order < 0,
        BinaryOp.Greater => order > 0,
        BinaryOp.LessOrEqual => order <= 0,
        _ => order >= 0,
    };

    private static object IntArithmetic(BinaryExpr binary, int a, int b)
    {
        try
        {
            return binary.Op switch
            {
                BinaryOp.Add => unchecked(a + b),
                BinaryOp.Subtract => unchecked(a - b),
                BinaryOp.Multiply => unchecked(a * b),
                BinaryOp.Divide => a / b,
                BinaryOp.Remainder => a % b,
                _ => Compare(binary.Op, a.CompareTo(b), a == b, unordered: false),
            };
        }
        catch (ArithmeticException error)
        {
            throw new EvaluationLimitException(DiagnosticIds.ArithmeticError, $"Integer arithmetic failed as C# would: {error.Message}", binary.Where);
        }
    }

    private object Convert(object value, Num type) => (value, type) switch
    {
        (int i, Num.Real) => (object)Leaf(i),
        (Value v, Num.Int) => (object)(int)v.Data, // as C# converts on this runtime (saturating, NaN -> 0)
        _ => value,
    };

    private object EvaluateIncrement(IncrementExpr increment)
    {
        var before = _slots[increment.Slot]!;
        var after = before is Value v
            ? (object)Node(v + Leaf(increment.Delta), increment.Where)
            : (object)unchecked((int)before + increment.Delta);
        Store(increment.Slot, increment.Name, after);
        return increment.Prefix ? after : before;
    }

    private object EvaluateCall(MathCallExpr call)
    {
        var arguments = call.Arguments.Select(Evaluate).ToArray();
        try
        {
            if (call.TapeFunction is not { } tapeFunction)
            {
                return TapeFunctions.ApplyInt(call.Function, arguments);
            }

            if (call.ConstantSecondArgument is { } constant)
            {
                arguments[1] = constant;
            }

            // A tape function builds at most three nodes (Clamp and FusedMultiplyAdd build more than one).
            _budget.Nodes(3, call.Where);
            return TapeFunctions.Apply(tapeFunction, arguments);
        }
        catch (Exception error) when (error is ArithmeticException or ArgumentException)
        {
            throw new EvaluationLimitException(DiagnosticIds.ArithmeticError, $"{call.Function} failed as it would in C#: {error.Message}", call.Where);
        }
    }

    private Value Leaf(double number)
    {
        _budget.Nodes(1, null);
        return new Value(number);
    }

    private Value Node(Value node, SourceSpanInfo? where)
    {
        _budget.Nodes(1, where);
        return node;
    }
}
