using System.Reflection;
using AutoDiff.Samples.Explorer.Evaluation;

namespace AutoDiff.Explorer.Tests;

/// <summary>The explorer's functions are ValueMath's; each is found for its argument kinds and gives what .NET's own gives.</summary>
public sealed class TapeFunctionsTests
{
    [Fact]
    public void Every_tape_function_is_found_and_gives_the_value_dotnet_gives()
    {
        // The explorer's expressions hold numbers and ints, so an overload taking anything else (Round's
        // MidpointRounding) is for generated code only.
        var overloads = typeof(ValueMath).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(Value) && m.GetParameters().All(p => p.ParameterType == typeof(Value) || p.ParameterType == typeof(double) || p.ParameterType == typeof(int)))
            .ToList();
        Assert.Contains(overloads, m => m.Name == "Tanh");
        foreach (var overload in overloads)
        {
            var parameters = overload.GetParameters().Select(p => p.ParameterType).ToArray();
            // The same function in .NET: Math's, or double's for those only double has (Hypot).
            var dotnetTypes = parameters.Select(t => t == typeof(Value) ? typeof(double) : t).ToArray();
            var dotnet = typeof(Math).GetMethod(overload.Name, dotnetTypes) ?? typeof(double).GetMethod(overload.Name, dotnetTypes);
            if (dotnet is null)
            {
                continue; // a tape-only overload such as Log(Value, Value); its double twin is checked
            }

            // Arguments inside every function's domain, min <= max for Clamp, a small int for ScaleB and Round's digits.
            var numbers = new[] { 0.4, 0.7, 0.9 };
            var dotnetArguments = dotnetTypes.Select((t, i) => t == typeof(int) ? (object)2 : numbers[i]).ToArray();
            var kinds = parameters.Select(t => t == typeof(int) ? Num.Int : Num.Real).ToList();
            var found = TapeFunctions.Find(overload.Name, kinds, constantSecond: parameters.Length > 1 && parameters[1] == typeof(double));
            Assert.NotNull(found);

            var tapeArguments = found!.GetParameters().Select((p, i) =>
                p.ParameterType == typeof(Value) ? new Value((double)dotnetArguments[i]) : dotnetArguments[i]).ToArray();
            var expected = Convert.ToDouble(dotnet.Invoke(null, dotnetArguments), System.Globalization.CultureInfo.InvariantCulture);
            var actual = TapeFunctions.Apply(found, tapeArguments).Data;
            Assert.True(expected.Equals(actual), $"{overload}: .NET {expected:R}, tape {actual:R}");
        }
    }
}
