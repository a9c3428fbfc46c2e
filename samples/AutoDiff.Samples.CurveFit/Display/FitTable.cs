using System.Globalization;
using System.Text;
using AutoDiff.Samples.CurveFit.Fitting;
using AutoDiff.Samples.CurveFit.Model;

namespace AutoDiff.Samples.CurveFit.Display;

/// <summary>The fits as plain text: cost and accuracy per minimizer and gradient, then the parameters.</summary>
public static class FitTable
{
    /// <summary>Formats the comparison.</summary>
    /// <param name="data">The spectrum, with its truth.</param>
    /// <param name="fits">The fits.</param>
    /// <returns>The text, ending with a newline.</returns>
    public static string Format(SyntheticSpectrum data, IReadOnlyList<FitResult> fits)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fits);
        var text = new StringBuilder();
        Line(text, $"{"minimizer",-9}  {"gradient",-18}  {"iterations",10}  {"evaluations",11}  {"time",10}  {"objective",10}  {"max error",9}  exit");
        foreach (FitResult fit in fits)
        {
            string worst = fit.Failure is null ? FitUncertainty.ErrorsInStandardErrors(data, fit.Parameters).Max().ToString("F2", CultureInfo.InvariantCulture) + " SE" : "-";
            string exit = fit.Failure ?? fit.Exit.ToString()!;
            Line(text, $"{Name(fit.Minimizer),-9}  {Name(fit.Source),-18}  {fit.Iterations,10}  {fit.Evaluations,11}  {fit.Time.TotalMilliseconds,7:F1} ms  {fit.Objective,10:F6}  {worst,9}  {exit}");
        }

        FitResult shown = fits[0];
        double[] estimated = FitUncertainty.EstimatedStandardErrors(data, shown.Parameters);
        double[] allowed = FitUncertainty.NoiseStandardErrors(data);
        double[] off = FitUncertainty.ErrorsInStandardErrors(data, shown.Parameters);
        Line(text, "");
        Line(text, $"Parameters of the {Name(shown.Minimizer)} fit on the {Name(shown.Source)} gradient. \"fitted\" carries the standard error the fit");
        Line(text, $"estimates for itself (σ̂ = {FitUncertainty.EstimatedNoise(data, shown.Parameters):F4} from its residuals, J at the fit); \"noise SE\" is the one the check uses");
        Line(text, $"(the true σ = {data.Noise} and J at the truth), and \"error / SE\" is |fitted − true| in those.");
        Line(text, $"{"parameter",-12}  {"true",8}  {"fitted",20}  {"noise SE",8}  {"error / SE",10}");
        for (int j = 0; j < shown.Parameters.Length; j++)
        {
            string fitted = string.Create(CultureInfo.InvariantCulture, $"{shown.Parameters[j],9:F4} ± {estimated[j]:F4}");
            Line(text, $"{ParameterName(j),-12}  {data.TrueParameters[j],8:F4}  {fitted,20}  {allowed[j],8:F4}  {off[j],10:F2}");
        }

        return text.ToString();
    }

    /// <summary>The name of parameter <paramref name="j"/>: intercept, slope, then amplitude/centre/width of peak 1, 2, …</summary>
    /// <param name="j">The index.</param>
    /// <returns>The name.</returns>
    public static string ParameterName(int j) => j switch
    {
        0 => "intercept",
        1 => "slope",
        _ => $"{new[] { "amplitude", "centre", "width" }[(j - Spectrum.BaselineParameters) % Spectrum.PeakParameters]} {1 + (j - Spectrum.BaselineParameters) / Spectrum.PeakParameters}",
    };

    /// <summary>The minimizer's name as the table prints it.</summary>
    /// <param name="minimizer">The minimizer.</param>
    /// <returns>"L-BFGS" or "BFGS".</returns>
    public static string Name(MinimizerKind minimizer) => minimizer == MinimizerKind.Lbfgs ? "L-BFGS" : "BFGS";

    /// <summary>The gradient's name as the table prints it.</summary>
    /// <param name="source">The gradient.</param>
    /// <returns>"generated" or "finite differences".</returns>
    public static string Name(GradientSource source) => source == GradientSource.Generated ? "generated" : "finite differences";

    private static void Line(StringBuilder text, string line) => text.Append(CultureInfo.InvariantCulture, $"{line}\n");
}
