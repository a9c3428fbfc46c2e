using System.Reflection;

namespace AutoDiff.Generator.Tests.Infrastructure;

/// <summary>
/// Calls a differentiable method, its WithGradient and its Pullback with all inputs flattened into one vector.
/// Methods with only scalar parameters are called by reflection; span methods provide
/// <c>{Name}_Value</c>/<c>_Gradient</c>/<c>_Pullback</c> helpers in their corpus file.
/// </summary>
internal sealed class GradientProbe
{
    private readonly Func<double[], double> _value;
    private readonly Func<double[], double[], double> _gradient;
    private readonly Action<double[], double, double[]> _pullback;
    private readonly Func<double[], double>? _kinkDistance;

    public GradientProbe(LoadedAssembly assembly, string typeName, string methodName)
    {
        var type = assembly.Assembly.GetType(typeName, throwOnError: true)!;
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        if (type.GetMethod(methodName + "_Value", flags) is { } value)
        {
            var gradient = type.GetMethod(methodName + "_Gradient", flags)!;
            var pullback = type.GetMethod(methodName + "_Pullback", flags)!;
            _value = p => (double)value.Invoke(null, [p])!;
            _gradient = (p, g) => (double)gradient.Invoke(null, [p, g])!;
            _pullback = (p, s, g) => pullback.Invoke(null, [p, s, g]);
            if (type.GetMethod(methodName + "_KinkDistance", flags) is { } kink)
            {
                _kinkDistance = p => (double)kink.Invoke(null, [p])!;
            }

            return;
        }

        var primal = type.GetMethod(methodName, flags)!;
        var withGradient = type.GetMethod(methodName + "WithGradient", flags)!;
        var pullbackMethod = type.GetMethod(methodName + "Pullback", flags)!;
        var count = primal.GetParameters().Length;
        _value = p => (double)primal.Invoke(null, p.Cast<object>().ToArray())!;
        _gradient = (p, g) =>
        {
            var args = p.Cast<object?>().Concat(new object?[count]).ToArray();
            var result = (double)withGradient.Invoke(null, args)!;
            for (var i = 0; i < count; i++)
            {
                g[i] = (double)args[count + i]!;
            }

            return result;
        };
        _pullback = (p, s, g) =>
        {
            var args = p.Cast<object?>().Append(s).Concat(g.Cast<object?>()).ToArray();
            pullbackMethod.Invoke(null, args);
            for (var i = 0; i < count; i++)
            {
                g[i] = (double)args[count + 1 + i]!;
            }
        };
    }

    public double Value(double[] point) => _value(point);

    /// <summary>The distance from the point to the nearest switch of a max/min/branch, when the corpus file says (<c>{Name}_KinkDistance</c>); infinity otherwise.</summary>
    public double KinkDistance(double[] point) => _kinkDistance?.Invoke(point) ?? double.PositiveInfinity;

    public (double Value, double[] Gradient) WithGradient(double[] point)
    {
        var gradient = new double[point.Length];
        var value = _gradient(point, gradient);
        return (value, gradient);
    }

    public void Pullback(double[] point, double seed, double[] adjoints) => _pullback(point, seed, adjoints);
}
