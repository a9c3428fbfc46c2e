namespace AutoDiff.Generator.Rules;

/// <summary>A formula's value at given arguments and output: how tests hold the table against finite differences and the runtime tape.</summary>
internal static class FormulaEvaluator
{
    public static double Evaluate(Formula formula, double[] args, double output) => formula switch
    {
        Formula.Arg a => args[a.Index],
        Formula.Out => output,
        Formula.Num n => n.Value,
        Formula.Neg n => -Evaluate(n.Operand, args, output),
        Formula.Op o => Apply(o.Operator, Evaluate(o.Left, args, output), Evaluate(o.Right, args, output)),
        Formula.Call c => Call(c.Function, System.Array.ConvertAll(c.Args, a => Evaluate(a, args, output))),
        _ => throw new System.InvalidOperationException("Unknown formula " + formula),
    };

    private static double Apply(string op, double left, double right) => op switch
    {
        "+" => left + right,
        "-" => left - right,
        "*" => left * right,
        "/" => left / right,
        "<" => left < right ? 1 : 0,
        "<=" => left <= right ? 1 : 0,
        ">" => left > right ? 1 : 0,
        ">=" => left >= right ? 1 : 0,
        "==" => left == right ? 1 : 0,
        "!=" => left != right ? 1 : 0,
        _ => throw new System.InvalidOperationException("Unknown operator " + op),
    };

    /// <summary>The functions derivative formulas call, evaluated in double precision.</summary>
    public static double Call(string function, double[] a) => function switch
    {
        "Sin" => System.Math.Sin(a[0]),
        "Cos" => System.Math.Cos(a[0]),
        "Sinh" => System.Math.Sinh(a[0]),
        "Cosh" => System.Math.Cosh(a[0]),
        "Sqrt" => System.Math.Sqrt(a[0]),
        "Log" => System.Math.Log(a[0]),
        "Pow" => System.Math.Pow(a[0], a[1]),
        "Sign" => System.Math.Sign(a[0]),
        "CopySign" => a[1] < 0 || (a[1] == 0 && 1 / a[1] < 0) ? -System.Math.Abs(a[0]) : System.Math.Abs(a[0]),
        "ScaleB" => a[0] * System.Math.Pow(2, a[1]),
        _ => throw new System.InvalidOperationException("No evaluation for " + function),
    };
}
