namespace AutoDiff.Samples.Moons.Data;

/// <summary>One sample of the two-moons set: a point in the plane and its class, -1 (upper moon) or +1 (lower moon).</summary>
public readonly record struct MoonPoint(double X, double Y, double Label);
