using System.Text;

namespace AutoDiff.PropertyTests.Programs;

/// <summary>Indented lines of C#, with <c>{</c>/<c>}</c> blocks.</summary>
internal sealed class SourceLines
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public SourceLines(int depth) => _depth = depth;

    public void Add(string line) => _text.Append(' ', 4 * _depth).AppendLine(line);

    public void Open()
    {
        Add("{");
        _depth++;
    }

    public void Close()
    {
        _depth--;
        Add("}");
    }

    /// <summary>A statement with a block: <paramref name="header"/>, then <paramref name="body"/> inside braces.</summary>
    public void Block(string header, params string[] body)
    {
        Add(header);
        Open();
        foreach (var line in body)
        {
            Add(line);
        }

        Close();
    }

    public override string ToString() => _text.ToString();
}
