namespace AutoDiff.Samples.Explorer.Analysis;

/// <summary>
/// The deepest bracket nesting of a text, read without parsing it: thousands of nested parentheses make Roslyn's
/// parser slow (seconds), so such a source is refused before it is parsed. Comments and string literals are skipped.
/// </summary>
public static class NestingScan
{
    /// <summary>The 0-based offset where the nesting first goes past <paramref name="limit"/>, or -1.</summary>
    public static int FirstOffsetDeeperThan(string text, int limit)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i = EndOf(text, "\n", i + 2);
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                i = EndOf(text, "*/", i + 2);
            }
            else if (c is '"' or '\'')
            {
                i = EndOfQuoted(text, c, i + 1);
            }
            else if (c is '(' or '[' or '{' && ++depth > limit)
            {
                return i;
            }
            else if (c is ')' or ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }
        }

        return -1;
    }

    private static int EndOf(string text, string end, int from)
    {
        var at = text.IndexOf(end, from, StringComparison.Ordinal);
        return at < 0 ? text.Length : at + end.Length - 1;
    }

    private static int EndOfQuoted(string text, char quote, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote || text[i] == '\n')
            {
                return i;
            }
        }

        return text.Length;
    }
}
