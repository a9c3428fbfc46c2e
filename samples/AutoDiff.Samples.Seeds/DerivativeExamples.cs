using AutoDiff;

namespace AutoDiff.Samples.Seeds;

/// <summary>The seeds' first steps: slopes by finite differences, then the same slopes from the tape.</summary>
internal static class DerivativeExamples
{
    public static void Run()
    {
        Console.WriteLine("== f(x) = 3x² - 4x + 5 (seeds 001, 002, 004)");
        static double F(double x) => 3 * x * x - 4 * x + 5;
        Console.WriteLine($"f(3.0) = {F(3.0)}");
        const double h = 0.001;
        foreach (double x in new[] { 3.0, -3.0, 2.0 / 3.0 })
        {
            var tapeX = new Value(x);
            Value f = 3 * tapeX.Pow(2) - 4 * tapeX + 5;
            f.Backward();
            Console.WriteLine($"x = {x:0.####}: (f(x+h) - f(x))/h = {(F(x + h) - F(x)) / h:0.######}, tape f'(x) = {tapeX.Grad:0.######}");
        }

        Console.WriteLine();
        Console.WriteLine("== d = a*b + c: slope of d along each input by nudging it (seeds 002 with h = 0.0001, 004 with h = 0.001)");
        foreach (double step in new[] { 0.0001, 0.001 })
        {
            double a = 2.0, b = -3.0, c = 10.0;
            double d1 = a * b + c;
            Console.WriteLine($"h = {step}: d1 = {d1}");
            Console.WriteLine($"  nudging a: d2 = {(a + step) * b + c}, slope {((a + step) * b + c - d1) / step}");
            Console.WriteLine($"  nudging b: d2 = {a * (b + step) + c}, slope {(a * (b + step) + c - d1) / step}");
            Console.WriteLine($"  nudging c: d2 = {a * b + (c + step)}, slope {(a * b + (c + step) - d1) / step}");
        }

        var ta = new Value(2.0, "a");
        var tb = new Value(-3.0, "b");
        var tc = new Value(10.0, "c");
        (ta * tb + tc).Backward();
        Console.WriteLine($"tape: dd/da = {ta.Grad} (= b), dd/db = {tb.Grad} (= a), dd/dc = {tc.Grad}");
    }
}
