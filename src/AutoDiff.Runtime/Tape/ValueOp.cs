namespace AutoDiff;

/// <summary>
/// The operation that produced a <see cref="Value"/>. Stored as a byte so that a node stays small and
/// <see cref="Value.Backward"/> can dispatch with one switch instead of one closure per node.
/// </summary>
internal enum ValueOp : byte
{
    Leaf,
    Add,
    Sub,
    Mul,
    Div,
    Neg,
    PowConst,
    Pow,
    Exp,
    Log,
    LogBase,
    Tanh,
    Relu,
    Sigmoid,
    Sqrt,
    Cbrt,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Atan2,
    Sinh,
    Cosh,
    Abs,
    Max,
    Min,
    Floor,
    Ceiling,
    Round,
    Truncate,
    Sign,
    Hypot,
    CopySign,
    ScaleB,
    Asinh,
    Acosh,
    Atanh,
}
