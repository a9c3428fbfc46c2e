using AutoDiff;

namespace AutoDiff.Samples.Seeds;

/// <summary>Writes each drawn graph as .dot, and as .svg when Graphviz is installed.</summary>
internal sealed class GraphOutput(string folder)
{
    private readonly List<string> _written = [];
    private string? _renderProblem;

    public void Draw(string name, Value root)
    {
        Directory.CreateDirectory(folder);
        string dotPath = Path.Combine(folder, name + ".dot");
        string dot = root.ToDot();
        File.WriteAllText(dotPath, dot);
        _written.Add(dotPath);

        if (_renderProblem is null)
        {
            GraphvizRenderResult result = Graphviz.TryRender(dot, Path.Combine(folder, name + ".svg"));
            if (result.Success)
            {
                _written.Add(Path.Combine(folder, name + ".svg"));
            }
            else
            {
                _renderProblem = result.Message;
            }
        }
    }

    public void PrintSummary()
    {
        Console.WriteLine();
        Console.WriteLine($"== Graphs ({_written.Count} files in {Path.GetFullPath(folder)})");
        foreach (string path in _written)
        {
            Console.WriteLine($"  {path}");
        }

        if (_renderProblem is not null)
        {
            Console.WriteLine($"  No SVG: {_renderProblem}");
        }
    }
}
