namespace AutoDiff.Samples.Greeks.Cli;

/// <summary>A command line the sample cannot run; the message says which option is wrong and why.</summary>
public sealed class OptionsException(string message) : Exception(message);
