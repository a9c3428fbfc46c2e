using System.Globalization;
using System.Text;

namespace AutoDiff;

/// <summary>One input's line in a <see cref="GradCheckReport"/>.</summary>
/// <param name="Index">The input's position.</param>
/// <param name="Analytic">The derivative being checked.</param>
/// <param name="Numeric">The finite-difference estimate.</param>
/// <param name="Error">See <see cref="GradCheck.Error"/>.</param>
public sealed record GradCheckEntry(int Index, double Analytic, double Numeric, double Error);

/// <summary>The result of a <see cref="GradCheck"/> comparison.</summary>
public sealed class GradCheckReport
{
    internal GradCheckReport(IReadOnlyList<GradCheckEntry> entries)
    {
        Entries = entries;
        WorstIndex = -1;
        for (int i = 0; i < entries.Count; i++)
        {
            if (WorstIndex < 0 || entries[i].Error > WorstError)
            {
                WorstIndex = i;
                WorstError = entries[i].Error;
            }
        }
    }

    /// <summary>One entry per input.</summary>
    public IReadOnlyList<GradCheckEntry> Entries { get; }

    /// <summary>The largest error over the inputs (0 when there are none).</summary>
    public double WorstError { get; }

    /// <summary>The input with the largest error, or -1 when there are no inputs.</summary>
    public int WorstIndex { get; }

    /// <summary>Whether every input's error is at most <paramref name="tolerance"/>.</summary>
    /// <param name="tolerance">The largest acceptable error.</param>
    /// <returns>True when the gradient agrees with finite differences.</returns>
    public bool IsWithin(double tolerance) => WorstError <= tolerance;

    /// <summary>A table of the entries, for test failure messages.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"worst error {WorstError:G3} at input {WorstIndex}\n");
        foreach (GradCheckEntry e in Entries)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  x{e.Index}: analytic {e.Analytic:R}, numeric {e.Numeric:R}, error {e.Error:G3}\n");
        }

        return text.ToString();
    }
}
