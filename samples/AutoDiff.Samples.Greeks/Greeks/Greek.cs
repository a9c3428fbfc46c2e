namespace AutoDiff.Samples.Greeks.Greeks;

/// <summary>The price and the sensitivities the sample reports, in table order.</summary>
public enum Greek
{
    /// <summary>The option's value.</summary>
    Price,

    /// <summary>∂V/∂S.</summary>
    Delta,

    /// <summary>∂V/∂σ.</summary>
    Vega,

    /// <summary>∂V/∂r.</summary>
    Rho,

    /// <summary>−∂V/∂T: the value lost per year as expiry approaches.</summary>
    Theta,

    /// <summary>∂²V/∂S².</summary>
    Gamma,
}
