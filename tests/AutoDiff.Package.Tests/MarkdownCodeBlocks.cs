namespace AutoDiff.Package.Tests;

/// <summary>Fenced code blocks of a Markdown file, with the line each starts on.</summary>
internal static class MarkdownCodeBlocks
{
    public sealed record Block(string Language, int Line, string Code);

    public static IReadOnlyList<Block> Read(string markdownPath)
    {
        var lines = File.ReadAllLines(markdownPath);
        var blocks = new List<Block>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = lines[i].TrimStart();
            if (!open.StartsWith("```", StringComparison.Ordinal)) continue;
            var language = open[3..].Trim();
            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end].TrimStart() != "```") end++;
            if (end == lines.Length) throw new FormatException($"{markdownPath}:{i + 1}: code block is never closed.");
            blocks.Add(new Block(language, start, string.Join('\n', lines[start..end])));
            i = end;
        }
        return blocks;
    }
}
