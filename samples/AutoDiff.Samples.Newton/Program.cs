using System.Globalization;
using AutoDiff.Samples.Newton.Model;
using AutoDiff.Samples.Newton.Optimization;

// Newton's method against gradient descent on a logistic regression, both on generated derivatives.
// Usage: dotnet run --project samples/AutoDiff.Samples.Newton [-- --points 2000 --features 8 --seed 7]
var options = ParseOptions(args);
if (options is null)
{
    return 2;
}

var (points, features, seed) = options.Value;
var data = LogisticData.Generate(points, features, seed);
const double tolerance = 1e-6;
Console.WriteLine($"Logistic regression: {points} points, {features} features (seed {seed}); stop when |gradient| <= {tolerance:0e0}.");
Console.WriteLine();
Console.WriteLine($"{"method",-34} {"iterations",10} {"loss",20} {"|gradient|",12}");
var results = new[] { Minimizers.Newton(data, tolerance), Minimizers.GradientDescent(data, tolerance) };
foreach (var result in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Method,-34} {result.Iterations,10} {result.Loss,20:R} {result.GradientNorm,12:0.0e0}{(result.Converged ? "" : "  (did not converge)")}"));
}

var gap = results[0].Weights.Zip(results[1].Weights, (a, b) => Math.Abs(a - b)).Max();
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The two minimizers' weights differ by at most {gap:0.0e0}."));
return results.All(r => r.Converged) ? 0 : 1;

static (int Points, int Features, int Seed)? ParseOptions(string[] args)
{
    var values = new Dictionary<string, int> { ["--points"] = 1000, ["--features"] = 6, ["--seed"] = 7 };
    for (var i = 0; i < args.Length; i++)
    {
        if (!values.ContainsKey(args[i]) || i + 1 >= args.Length || !int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            Console.Error.WriteLine($"Unknown option or bad value at '{args[i]}'. Options: --points N (>= 1), --features N (>= 2), --seed N.");
            return null;
        }

        values[args[i++]] = value;
    }

    if (values["--features"] < 2)
    {
        Console.Error.WriteLine("--features must be at least 2 (the bias and one more).");
        return null;
    }

    return (values["--points"], values["--features"], values["--seed"]);
}
