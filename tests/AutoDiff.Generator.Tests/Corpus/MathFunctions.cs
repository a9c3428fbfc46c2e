using System;
using AutoDiff;

namespace Corpus;

/// <summary>One method per Math function, each composed with something smooth so every rule is exercised.</summary>
public static partial class MathFns
{
    [Differentiable] public static double Sin(double x) => Math.Sin(x * x);
    [Differentiable] public static double Cos(double x) => Math.Cos(2 * x);
    [Differentiable] public static double Tan(double x) => Math.Tan(x);
    [Differentiable] public static double Asin(double x) => Math.Asin(x);
    [Differentiable] public static double Acos(double x) => Math.Acos(x);
    [Differentiable] public static double Atan(double x) => Math.Atan(3 * x);
    [Differentiable] public static double Atan2(double y, double x) => Math.Atan2(y, x);
    [Differentiable] public static double Sinh(double x) => Math.Sinh(x);
    [Differentiable] public static double Cosh(double x) => Math.Cosh(x);
    [Differentiable] public static double Tanh(double x) => Math.Tanh(x);
    [Differentiable] public static double Exp(double x) => Math.Exp(x);
    [Differentiable] public static double Log(double x) => Math.Log(x);
    [Differentiable] public static double LogBase(double x, double b) => Math.Log(x, b);
    [Differentiable] public static double Log10(double x) => Math.Log10(x);
    [Differentiable] public static double Log2(double x) => Math.Log2(x);
    [Differentiable] public static double Sqrt(double x) => Math.Sqrt(x);
    [Differentiable] public static double Cbrt(double x) => Math.Cbrt(x);
    [Differentiable] public static double Pow(double x, double y) => Math.Pow(x, y);
    [Differentiable] public static double PowConstant(double x) => Math.Pow(x, 3.5);
    [Differentiable] public static double Abs(double x) => Math.Abs(x) * x;
    [Differentiable] public static double Max(double x, double y) => Math.Max(x, y) * x;
    [Differentiable] public static double Min(double x, double y) => Math.Min(x, y) * y;
    [Differentiable] public static double Clamp(double x, double lo) => Math.Clamp(x, lo, lo + 2) * x;
    [Differentiable] public static double Floor(double x) => Math.Floor(x) * x;
    [Differentiable] public static double Ceiling(double x) => Math.Ceiling(x) * x;
    [Differentiable] public static double Round(double x) => Math.Round(x) * x;
    [Differentiable] public static double Truncate(double x) => Math.Truncate(x) * x;
    [Differentiable] public static double Sign(double x) => Math.Sign(x) * x * x;
    [Differentiable] public static double Relu(double x) => Math.Max(0, x);

    // Added with the derivative table: functions users reach for, and the generic-math spellings.
    [Differentiable] public static double Hypot(double x, double y) => double.Hypot(x * y, y + 1);
    [Differentiable] public static double FusedMultiplyAdd(double x, double y) => Math.FusedMultiplyAdd(x, Math.Sin(y), x * y);
    [Differentiable] public static double CopySign(double x, double y) => Math.CopySign(x * x - 0.5, y) * y;
    [Differentiable] public static double ScaleB(double x) => Math.ScaleB(x * x, 3) + Math.ScaleB(x, -2);
    [Differentiable] public static double GenericMath(double x, double y) => double.Sin(x) * double.Exp(y) + double.Atan2(y, x) - double.Max(x, y);
    [Differentiable] public static float GenericFloat(float x, float y) => float.Tanh(x * y) + float.Sqrt(x * x + 1f) * float.Pow(y, 2f);
    [Differentiable] public static double RoundDigits(double x) => Math.Round(x, 1) * x;
    [Differentiable] public static double Asinh(double x) => Math.Asinh(2 * x);
    [Differentiable] public static double Acosh(double x) => Math.Acosh(x * x + 1.5);
    [Differentiable] public static double Atanh(double x) => Math.Atanh(0.8 * x);
}
