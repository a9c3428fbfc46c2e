using AutoDiff.Samples.Explorer.Analysis;
using AutoDiff.Samples.Explorer.Evaluation;

namespace AutoDiff.Samples.Explorer.Api;

/// <summary>A point must give every parameter a finite number (a whole one for int parameters) and name nothing else.</summary>
public static class PointCheck
{
    public static List<ExplorerDiagnostic> Problems(MethodPlan plan, IReadOnlyDictionary<string, double>? point)
    {
        var problems = new List<ExplorerDiagnostic>();
        if (point is null)
        {
            problems.Add(RequestReader.BadRequest($"The request needs a \"point\" object with a number for each parameter of {plan.Name}."));
            return problems;
        }

        foreach (var parameter in plan.Parameters)
        {
            if (!point.TryGetValue(parameter.Name, out var number))
            {
                problems.Add(RequestReader.BadRequest($"The point has no value for the parameter '{parameter.Name}'."));
            }
            else if (!double.IsFinite(number))
            {
                problems.Add(RequestReader.BadRequest($"The value of '{parameter.Name}' must be a finite number, not {number}."));
            }
            else if (parameter.Type == Num.Int && (number != Math.Round(number) || number < int.MinValue || number > int.MaxValue))
            {
                problems.Add(RequestReader.BadRequest($"'{parameter.Name}' is an int, so its value must be a whole number in int's range, not {number}."));
            }
        }

        foreach (var name in point.Keys.Where(k => plan.Parameters.All(p => p.Name != k)))
        {
            problems.Add(RequestReader.BadRequest($"The point names '{name}', which is not a parameter of {plan.Name}."));
        }

        return problems;
    }
}
