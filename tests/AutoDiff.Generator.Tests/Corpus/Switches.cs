using System;
using AutoDiff;

namespace Corpus;

/// <summary>The kind of activation a layer applies, switched on by <see cref="Switches.Activations"/>.</summary>
public enum Activation
{
    Identity,
    Tanh,
    Relu,
    Softplus,
}

/// <summary>
/// <c>switch</c> statements and expressions as users write them, differentiated statically (they used to send the
/// body to the runtime tape): returns from sections, relational patterns with <c>when</c>,
/// several labels to a section, the default section in the middle, a switch in a loop whose sections
/// <c>continue</c>, a nested switch, a switch on an enum parameter, switch expressions with a discard arm.
/// </summary>
public static partial class Switches
{
    [Differentiable]
    public static double Switch(double x, int mode)
    {
        switch (mode)
        {
            case 0:
                return x * x;
            default:
                return Math.Exp(x) / (1 + x * x);
        }
    }

    // Relational patterns with a when clause, two labels to one section, the default section in the middle, a
    // section that continues, a nested switch on the position.
    [Differentiable(Derivatives.All)]
    public static double PatternSections(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i] * 1.5;
            switch (v)
            {
                case < -0.75:
                    s -= v * v;
                    break;
                default:
                    s += 0.1 * v;
                    break;
                case > 1.2 when i % 2 == 0:
                case > 1.8:
                    s += Math.Log(v) * x[0];
                    continue;
                case >= 0 and <= 0.6:
                    switch (i % 3)
                    {
                        case 0:
                        case 1:
                            s += Math.Exp(-v) * x[(i + 1) % x.Length];
                            break;
                        default:
                            s *= 1 + 0.1 * v;
                            break;
                    }

                    break;
            }

            s += 0.01 * i * v;
        }

        return s;
    }

    // A switch on an enum parameter picks the activation; sections return.
    [Differentiable(Derivatives.All)]
    public static double Activate(double v, Activation kind)
    {
        switch (kind)
        {
            case Activation.Identity:
                return v;
            case Activation.Tanh:
                return Math.Tanh(v);
            case Activation.Relu:
                return Math.Max(0, v);
            default:
                return Math.Log(1 + Math.Exp(v));
        }
    }

    // Each layer's activation from the enum, through a differentiable helper; switch expressions pick a scale by
    // position and a weight by a pattern on the value.
    [Differentiable(Derivatives.All)]
    public static double Activations(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double scale = (i % 4) switch
            {
                0 => 0.5,
                1 or 2 => 1.5 + x[0] * 0.1,
                _ => -1,
            };
            double weight = x[i] switch
            {
                > 1 => x[i] * x[i],
                < -0.5 and > -0.9 => Math.Sin(x[i]),
                _ => 0.25 * x[i],
            };
            s += scale * weight + Activate(x[i] * scale, Activation.Tanh) + Activate(x[i], Activation.Softplus);
        }

        return s;
    }

    // Sections that return from inside the loop.
    [Differentiable(Derivatives.All)]
    public static double ReturnFromSection(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i] * x[i];
            switch (s > 2.5 ? 1 : 0)
            {
                case 1:
                    return s * x[i];
                default:
                    s *= 0.9;
                    break;
            }
        }

        return s;
    }

    public static double PatternSections_KinkDistance(double[] p)
    {
        double nearest = double.PositiveInfinity;
        foreach (double x in p)
        {
            double v = x * 1.5;
            foreach (double edge in new[] { -0.75, 1.2, 1.8, 0, 0.6 })
            {
                nearest = Math.Min(nearest, Math.Abs(v - edge) / 1.5);
            }
        }

        return nearest;
    }

    public static double Activations_KinkDistance(double[] p)
    {
        double nearest = double.PositiveInfinity;
        foreach (double v in p)
        {
            foreach (double edge in new[] { 1, -0.5, -0.9 })
            {
                nearest = Math.Min(nearest, Math.Abs(v - edge));
            }
        }

        return nearest;
    }

    public static double ReturnFromSection_KinkDistance(double[] p)
    {
        double s = 0;
        double nearest = double.PositiveInfinity;
        foreach (double v in p)
        {
            s += v * v;
            nearest = Math.Min(nearest, Math.Abs(s - 2.5) / 10);
            if (s > 2.5)
            {
                break;
            }

            s *= 0.9;
        }

        return nearest;
    }
}

// Entry points the tests call by reflection: arrays in, the generated methods' span parameters out.
public static partial class Switches
{
    public static double Switch_Value(double[] p) => Switch(p[0], 1);
    public static double Switch_Gradient(double[] p, double[] g) => SwitchWithGradient(p[0], 1, out g[0]);
    public static void Switch_Pullback(double[] p, double seed, double[] g) => SwitchPullback(p[0], 1, seed, ref g[0]);
}

// Entry points the tests call by reflection: arrays in, the generated methods' span parameters out.
public static partial class Switches
{

    public static double PatternSections_Value(double[] p) => PatternSections(p);
    public static double PatternSections_Gradient(double[] p, double[] g) => PatternSectionsWithGradient(p, g);
    public static void PatternSections_Pullback(double[] p, double seed, double[] g) => PatternSectionsPullback(p, seed, g);
    public static double PatternSections_Pushforward(double[] p, double[] t, out double tangent) => PatternSectionsPushforward(p, t, out tangent);
    public static double PatternSections_Hvp(double[] p, double[] v, double[] g, double[] h) => PatternSectionsHessianVectorProduct(p, v, g, h);
    public static double PatternSections_Hessian(double[] p, double[] g, double[] m) => PatternSectionsWithHessian(p, g, m);

    public static double Activations_Value(double[] p) => Activations(p);
    public static double Activations_Gradient(double[] p, double[] g) => ActivationsWithGradient(p, g);
    public static void Activations_Pullback(double[] p, double seed, double[] g) => ActivationsPullback(p, seed, g);
    public static double Activations_Pushforward(double[] p, double[] t, out double tangent) => ActivationsPushforward(p, t, out tangent);
    public static double Activations_Hvp(double[] p, double[] v, double[] g, double[] h) => ActivationsHessianVectorProduct(p, v, g, h);
    public static double Activations_Hessian(double[] p, double[] g, double[] m) => ActivationsWithHessian(p, g, m);

    public static double ReturnFromSection_Value(double[] p) => ReturnFromSection(p);
    public static double ReturnFromSection_Gradient(double[] p, double[] g) => ReturnFromSectionWithGradient(p, g);
    public static void ReturnFromSection_Pullback(double[] p, double seed, double[] g) => ReturnFromSectionPullback(p, seed, g);
    public static double ReturnFromSection_Pushforward(double[] p, double[] t, out double tangent) => ReturnFromSectionPushforward(p, t, out tangent);
    public static double ReturnFromSection_Hvp(double[] p, double[] v, double[] g, double[] h) => ReturnFromSectionHessianVectorProduct(p, v, g, h);
    public static double ReturnFromSection_Hessian(double[] p, double[] g, double[] m) => ReturnFromSectionWithHessian(p, g, m);
}
