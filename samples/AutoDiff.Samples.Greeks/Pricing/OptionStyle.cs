namespace AutoDiff.Samples.Greeks.Pricing;

/// <summary>What the call pays on: the final spot (European) or the arithmetic average over the monitoring dates (Asian).</summary>
public enum OptionStyle
{
    /// <summary>max(S(T) − K, 0).</summary>
    European,

    /// <summary>max(mean of S(t₁) … S(tₙ) − K, 0), monitored at every time step.</summary>
    Asian,
}
