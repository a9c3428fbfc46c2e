namespace AutoDiff.Samples.Greeks.MonteCarlo;

/// <summary>Computes one path's estimates (a price, or a price and its Greeks) from the path's normals.</summary>
/// <param name="normals">The path's normal numbers.</param>
/// <param name="estimates">Where to write the path's estimates, one per column.</param>
public delegate void PathEstimator(ReadOnlySpan<double> normals, Span<double> estimates);
