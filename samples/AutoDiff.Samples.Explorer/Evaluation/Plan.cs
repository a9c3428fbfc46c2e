using AutoDiff.Samples.Explorer.Analysis;

namespace AutoDiff.Samples.Explorer.Evaluation;

// The only program the interpreter can run: a visitor's method lowered to these records by SubsetLowering.
// Anything the lowering does not turn into one of them is refused with a diagnostic, so there is no path from
// a visitor's text to any operation but arithmetic on the tape.

/// <summary>The three kinds of numbers the subset has: double and float (on the tape, in double precision), int and bool.</summary>
public enum Num
{
    Real,
    Int,
    Bool,
}

/// <summary>A lowered method: its parameters, how many variable slots it needs, and its body.</summary>
public sealed record MethodPlan(string Name, IReadOnlyList<PlanParameter> Parameters, int SlotCount, Stmt Body);

/// <summary>A parameter: its slot, its kind, and whether it gets a gradient (double/float without [NoDerivative]).</summary>
public sealed record PlanParameter(string Name, string TypeName, Num Type, int Slot, bool Differentiable);

public abstract record Expr(Num Type);

public sealed record ConstantExpr(Num Type, double Number, bool Flag) : Expr(Type);

public sealed record SlotExpr(Num Type, int Slot) : Expr(Type);

public sealed record NegateExpr(Expr Operand) : Expr(Operand.Type);

public sealed record NotExpr(Expr Operand) : Expr(Num.Bool);

public enum BinaryOp
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    Equal,
    NotEqual,
    And,
    Or,
}

/// <summary>Both operands already have the operator's operand type; <see cref="Expr.Type"/> is the result's.</summary>
public sealed record BinaryExpr(Num Type, BinaryOp Op, Expr Left, Expr Right, SourceSpanInfo Where) : Expr(Type);

public sealed record ConditionalExpr(Expr Condition, Expr WhenTrue, Expr WhenFalse) : Expr(WhenTrue.Type);

public sealed record ConvertExpr(Num Type, Expr Operand) : Expr(Type);

public sealed record AssignExpr(int Slot, string Name, Expr Value) : Expr(Value.Type);

public sealed record IncrementExpr(Num Type, int Slot, string Name, int Delta, bool Prefix, SourceSpanInfo Where) : Expr(Type);

/// <summary>
/// A Math/MathF/double/float function. For a double result, <paramref name="TapeFunction"/> is the ValueMath overload
/// to call, and <paramref name="ConstantSecondArgument"/> the plain double it takes in place of the second argument
/// when it has one (Pow's x**n node); for an int result (Abs, Max, Min, Clamp, Sign) it is null.
/// </summary>
public sealed record MathCallExpr(
    Num Type, string Function, IReadOnlyList<Expr> Arguments, System.Reflection.MethodInfo? TapeFunction, double? ConstantSecondArgument, SourceSpanInfo Where) : Expr(Type);

public abstract record Stmt;

public sealed record BlockStmt(IReadOnlyList<Stmt> Statements) : Stmt;

public sealed record ExprStmt(Expr Expression) : Stmt;

public sealed record DeclareStmt(int Slot, string Name, Expr Value) : Stmt;

public sealed record IfStmt(Expr Condition, Stmt Then, Stmt? Else) : Stmt;

/// <summary>for, while and do: <paramref name="TestFirst"/> is false for do-while.</summary>
public sealed record LoopStmt(IReadOnlyList<Stmt> Initializers, Expr? Condition, Stmt Body, IReadOnlyList<Expr> Incrementors, bool TestFirst, SourceSpanInfo Where) : Stmt;

public sealed record BreakStmt : Stmt;

public sealed record ContinueStmt : Stmt;

public sealed record ReturnStmt(Expr Value) : Stmt;
