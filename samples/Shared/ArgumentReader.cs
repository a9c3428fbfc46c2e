using System.Globalization;

namespace AutoDiff.Samples.Shared;

/// <summary>
/// Walks a command line of <c>--name value</c> and <c>--name=value</c> options for the Greeks and CurveFit samples
/// (linked into both). Errors are the sample's own exception type, made by the factory it passes.
/// </summary>
internal sealed class ArgumentReader(IReadOnlyList<string> args, Func<string, Exception> error)
{
    private int index = -1;
    private string? inline;

    /// <summary>The current option's name, e.g. <c>--paths</c>.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The current argument as typed.</summary>
    public string Argument => args[index];

    /// <summary>Moves to the next option.</summary>
    /// <returns>False at the end of the command line.</returns>
    public bool MoveNext()
    {
        if (++index >= args.Count)
        {
            return false;
        }

        string arg = args[index];
        int equals = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
        Name = equals >= 0 ? arg[..equals] : arg;
        inline = equals >= 0 ? arg[(equals + 1)..] : null;
        return true;
    }

    /// <summary>The option's value: after <c>=</c>, or the next argument.</summary>
    /// <returns>The text.</returns>
    public string Value() => inline ?? (index + 1 < args.Count && !args[index + 1].StartsWith("--", StringComparison.Ordinal)
        ? args[++index]
        : throw error($"{Name} needs a value."));

    /// <summary>The option's value as a whole number in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    /// <param name="minimum">Smallest accepted.</param>
    /// <param name="maximum">Largest accepted.</param>
    /// <returns>The number.</returns>
    public int Int(int minimum, int maximum)
    {
        string text = Value();
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out int value))
        {
            throw error($"{Name} must be a whole number, not '{text}'.");
        }

        return value >= minimum && value <= maximum
            ? value
            : throw error($"{Name} must be between {minimum:N0} and {maximum:N0}, not {value:N0}.");
    }

    /// <summary>The option's value as a folder name.</summary>
    /// <returns>The folder.</returns>
    public string Folder()
    {
        string text = Value();
        return string.IsNullOrWhiteSpace(text) ? throw error($"{Name} must name a folder.") : text;
    }

    /// <summary>The error for an option the sample does not know.</summary>
    /// <returns>The exception to throw.</returns>
    public Exception Unknown() => error($"Unknown option '{Argument}'.");
}
