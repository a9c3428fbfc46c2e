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

    public override string ToString() => _text.ToString();
}
