using AutoDiff.Samples.Greeks.MonteCarlo;

namespace AutoDiff.Samples.Greeks.Greeks;

/// <summary>One line of the table: a Greek from the generated gradient, from bump-and-revalue and, where one exists, the closed form.</summary>
/// <param name="Greek">Which number.</param>
/// <param name="Adjoint">From the generated gradient (the price: the plain Monte Carlo price).</param>
/// <param name="Bump">From bump-and-revalue on the same normals (the price: the same pricing).</param>
/// <param name="ClosedForm">Black–Scholes for the European call; null for the Asian call, which has none.</param>
public sealed record GreekRow(Greek Greek, Estimate Adjoint, Estimate Bump, double? ClosedForm);
