using System.Collections.Generic;

namespace AutoDiff.Generator.Transform;

/// <summary>Lines of generated statements, indented relative to wherever they end up.</summary>
internal sealed class Fragment
{
    private readonly List<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines;

    public bool IsEmpty => _lines.Count == 0;

    public void Add(string line) => _lines.Add(line);

    public void Add(Fragment other) => _lines.AddRange(other._lines);

    /// <summary>Adds <paramref name="header"/> { <paramref name="body"/> }.</summary>
    public void Block(string header, Fragment body)
    {
        _lines.Add(header);
        _lines.Add("{");
        foreach (var line in body._lines)
        {
            _lines.Add(line.Length == 0 ? line : "    " + line);
        }

        _lines.Add("}");
    }
}
