using AutoDiff.Samples.Explorer.Evaluation;

namespace AutoDiff.Explorer.Tests;

/// <summary>The explorer's function list is read off ValueMath; each entry must also be one the interpreter can apply.</summary>
public sealed class TapeFunctionsTests
{
    [Fact]
    public void Every_function_on_the_list_is_applied_with_the_value_Math_gives()
    {
        var names = TapeFunctions.Names.ToList();
        Assert.Contains("Tanh", names);
        Assert.Contains("Atan2", names);
        foreach (var name in names)
        {
            foreach (var count in Enumerable.Range(1, 3).Where(c => TapeFunctions.IsKnown(name, c)))
            {
                // Arguments inside every function's domain, min <= max for Clamp.
                var arguments = new[] { 0.4, 0.7, 0.9 }.Take(count).ToArray();
                // Math.Sign returns an int; every other function a double.
                var expected = Convert.ToDouble(typeof(Math).GetMethod(name, Enumerable.Repeat(typeof(double), count).ToArray())!
                    .Invoke(null, arguments.Cast<object>().ToArray()), System.Globalization.CultureInfo.InvariantCulture);
                var actual = TapeFunctions.Apply(name, arguments.Select(a => new Value(a)).ToList(), null).Data;
                Assert.True(expected.Equals(actual), $"Math.{name}/{count}: {expected:R} vs tape {actual:R}");
            }
        }
    }
}
