using System.Reflection;

namespace AutoDiff.Generator.Tests.Infrastructure;

/// <summary>
/// Calls a vector-valued corpus method through its array-shaped entry points (<c>{Name}_Value</c>, <c>_Pullback</c>,
/// <c>_Pushforward</c>, <c>_Jacobian</c> in the corpus file, which call the generated members), with every input
/// flattened into one vector in parameter order, as the Jacobian's columns are.
/// </summary>
internal sealed class VectorProbe(LoadedAssembly assembly, string typeName, string methodName, int inputs, int outputs)
{
    private readonly Type _type = assembly.Assembly.GetType(typeName, throwOnError: true)!;

    public int Inputs => inputs;

    public int Outputs => outputs;

    public bool HasPushforward => Find("_Pushforward") is not null;

    public double[] Value(double[] p)
    {
        var result = new double[outputs];
        Invoke("_Value", p, result);
        return result;
    }

    /// <summary>The outputs and <paramref name="grad"/> after the pullback added cotangentᵀ J into it.</summary>
    public double[] Pullback(double[] p, double[] cotangent, double[] grad)
    {
        var result = new double[outputs];
        Invoke("_Pullback", p, result, cotangent, grad);
        return result;
    }

    public (double[] Result, double[] Tangent) Pushforward(double[] p, double[] t)
    {
        var (result, tangent) = (new double[outputs], new double[outputs]);
        Invoke("_Pushforward", p, t, result, tangent);
        return (result, tangent);
    }

    public (double[] Result, double[,] Jacobian) Jacobian(double[] p)
    {
        var (result, flat) = (new double[outputs], new double[outputs * inputs]);
        Invoke("_Jacobian", p, result, flat);
        var jacobian = new double[outputs, inputs];
        for (var i = 0; i < outputs; i++)
        {
            for (var j = 0; j < inputs; j++)
            {
                jacobian[i, j] = flat[(i * inputs) + j];
            }
        }

        return (result, jacobian);
    }

    private MethodInfo? Find(string suffix) => _type.GetMethod(methodName + suffix, BindingFlags.Public | BindingFlags.Static);

    private void Invoke(string suffix, params object[] args)
    {
        try
        {
            Find(suffix)!.Invoke(null, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception.InnerException);
        }
    }
}
