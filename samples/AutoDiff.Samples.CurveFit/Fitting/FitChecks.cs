using AutoDiff.Samples.CurveFit.Model;

namespace AutoDiff.Samples.CurveFit.Fitting;

/// <summary>
/// What makes the sample exit non-zero: a fit on the generated gradient that failed, or that left a parameter
/// more than <see cref="FitUncertainty.MaxStandardErrors"/> standard errors from the truth. The fits on finite
/// differences are the comparison, not the thing under test, and are only reported.
/// </summary>
public static class FitChecks
{
    /// <summary>The failed checks, as sentences; empty when every check passes.</summary>
    /// <param name="data">The spectrum, with its truth.</param>
    /// <param name="fits">The fits.</param>
    /// <returns>The failures.</returns>
    public static List<string> Failures(SyntheticSpectrum data, IEnumerable<FitResult> fits)
    {
        ArgumentNullException.ThrowIfNull(fits);
        var failures = new List<string>();
        foreach (FitResult fit in fits.Where(fit => fit.Source == GradientSource.Generated))
        {
            string name = $"{fit.Minimizer} on the generated gradient";
            if (fit.Failure is not null)
            {
                failures.Add($"{name}: the minimizer failed ({fit.Failure}).");
                continue;
            }

            double[] errors = FitUncertainty.ErrorsInStandardErrors(data, fit.Parameters);
            for (int j = 0; j < errors.Length; j++)
            {
                if (!(errors[j] <= FitUncertainty.MaxStandardErrors))
                {
                    failures.Add($"{name}: parameter {j} is {fit.Parameters[j]:G6}, {errors[j]:F1} standard errors from the true {data.TrueParameters[j]:G6} (at most {FitUncertainty.MaxStandardErrors}).");
                }
            }
        }

        return failures;
    }
}
