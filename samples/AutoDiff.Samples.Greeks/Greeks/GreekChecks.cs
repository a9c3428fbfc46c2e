namespace AutoDiff.Samples.Greeks.Greeks;

/// <summary>
/// What makes the sample exit non-zero. Each Monte Carlo estimate must lie within
/// <see cref="MaxStandardErrors"/> standard errors of the closed form (European). Adjoint and bump-and-revalue
/// must agree: for first-order Greeks they average derivatives of the same paths, so their difference is the
/// finite-difference error alone, not sampling noise, and must stay below <see cref="MaxFirstOrderDisagreement"/>
/// of a standard error; the two gammas are different estimators (bumped adjoint delta vs second difference of the
/// price) and must agree within <see cref="MaxStandardErrors"/> combined standard errors.
/// </summary>
public static class GreekChecks
{
    /// <summary>A normal variable lies further than 4σ from its mean with probability 6·10⁻⁵.</summary>
    public const double MaxStandardErrors = 4.0;

    /// <summary>Largest first-order |adjoint − bump| as a fraction of the adjoint's standard error.</summary>
    public const double MaxFirstOrderDisagreement = 0.05;

    /// <summary>The failed checks of a report, as sentences; empty when every check passes.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The failures.</returns>
    public static IReadOnlyList<string> Failures(GreeksReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var failures = new List<string>();
        foreach (GreekRow row in report.Rows)
        {
            string name = $"{report.Style} {row.Greek.ToString().ToLowerInvariant()}";
            if (row.ClosedForm is double exact)
            {
                CheckClosedForm(failures, name, "generated gradient", row.Adjoint, exact);
                CheckClosedForm(failures, name, "bump-and-revalue", row.Bump, exact);
            }

            double gap = Math.Abs(row.Adjoint.Mean - row.Bump.Mean);
            if (row.Greek == Greek.Gamma)
            {
                double combined = Math.Sqrt(row.Adjoint.StandardError * row.Adjoint.StandardError + row.Bump.StandardError * row.Bump.StandardError);
                if (!(gap <= MaxStandardErrors * combined))
                {
                    failures.Add($"{name}: generated {row.Adjoint.Mean:G6} and bump-and-revalue {row.Bump.Mean:G6} differ by {gap / combined:F1} combined standard errors (at most {MaxStandardErrors}).");
                }
            }
            else if (!(gap <= MaxFirstOrderDisagreement * row.Adjoint.StandardError))
            {
                failures.Add($"{name}: generated {row.Adjoint.Mean:G8} and bump-and-revalue {row.Bump.Mean:G8} on the same paths differ by {gap / row.Adjoint.StandardError:G3} standard errors (at most {MaxFirstOrderDisagreement}).");
            }
        }

        return failures;
    }

    private static void CheckClosedForm(List<string> failures, string name, string method, MonteCarlo.Estimate estimate, double exact)
    {
        double distance = estimate.StandardErrorsFrom(exact);
        if (!(distance <= MaxStandardErrors))
        {
            failures.Add($"{name} ({method}): {estimate.Mean:G6} ± {estimate.StandardError:G3} is {distance:F1} standard errors from Black–Scholes {exact:G6} (at most {MaxStandardErrors}).");
        }
    }
}
