namespace AutoDiff.Benchmarks;

/// <summary>
/// The constant ADBench's <c>log_wishart_prior</c> subtracts once per component:
/// C = n p (ln gamma - ln 2 / 2) - ln Gamma_p(n / 2), with n = p + m + 1 degrees of freedom.
/// </summary>
public static class WishartConstant
{
    public static double Of(int p, int m, double gamma)
    {
        int n = p + m + 1;
        return n * p * (Math.Log(gamma) - 0.5 * Math.Log(2)) - LogMultivariateGammaOfHalf(n, p);
    }

    /// <summary>ln Gamma_p(n / 2) = p(p-1)/4 ln pi + sum_{j=1..p} ln Gamma((n + 1 - j) / 2).</summary>
    public static double LogMultivariateGammaOfHalf(int n, int p)
    {
        double result = 0.25 * p * (p - 1) * Math.Log(Math.PI);
        for (int j = 1; j <= p; j++)
        {
            result += LogGammaOfHalf(n + 1 - j);
        }

        return result;
    }

    /// <summary>
    /// ln Gamma(t / 2) for a positive integer t, exactly from Gamma(z + 1) = z Gamma(z), Gamma(1) = 1 and
    /// Gamma(1/2) = sqrt(pi): the prior only needs such arguments, and .NET has no lgamma.
    /// </summary>
    public static double LogGammaOfHalf(int t)
    {
        if (t < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, "ln Gamma(t / 2) needs t >= 1; the Wishart prior's arguments are such numbers when m >= -1.");
        }

        double result = t % 2 == 0 ? 0 : 0.5 * Math.Log(Math.PI);
        for (int twice = 2 - (t % 2); twice < t; twice += 2)
        {
            result += Math.Log(0.5 * twice);
        }

        return result;
    }
}
