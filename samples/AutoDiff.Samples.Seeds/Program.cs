// Runs every worked example of shared/seeds on the AutoDiff runtime and draws their graphs.
// Usage: dotnet run --project samples/AutoDiff.Samples.Seeds [-- --out <folder>]   (default out/seeds)
using System.Globalization;
using AutoDiff.Samples.Seeds;

// Numbers print the same on every machine, as in the seeds ("0.7071", never "0,7071").
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

string outputFolder = Path.Combine("out", "seeds");
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--out" && i + 1 < args.Length)
    {
        outputFolder = args[++i];
    }
    else
    {
        Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: AutoDiff.Samples.Seeds [--out <folder>]");
        return 2;
    }
}

var graphs = new GraphOutput(outputFolder);
DerivativeExamples.Run();
ExpressionGraphExamples.Run(graphs);
NeuronExamples.Run(graphs);
MlpExamples.Run();
graphs.PrintSummary();
return 0;
