using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AutoDiff;

/// <summary>
/// Draws a <see cref="Value"/> graph as the seeds' <c>draw_dot</c> does: left to right, a record
/// <c>{ label | data … | grad … }</c> per value, and an oval per operation pointing at its result.
/// </summary>
public static class Graphviz
{
    /// <summary>Writes the graph below <paramref name="root"/> as Graphviz DOT.</summary>
    /// <param name="root">The output value.</param>
    /// <returns>DOT text; numbers use the invariant culture with four decimals.</returns>
    public static string ToDot(Value root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var ids = new Dictionary<Value, int>(ReferenceEqualityComparer.Instance);
        var nodes = new List<Value>();
        var pending = new Stack<Value>();
        ids[root] = 0;
        nodes.Add(root);
        pending.Push(root);
        while (pending.Count > 0)
        {
            foreach (Value child in pending.Pop().Children)
            {
                if (ids.TryAdd(child, nodes.Count))
                {
                    nodes.Add(child);
                    pending.Push(child);
                }
            }
        }

        var dot = new StringBuilder();
        dot.Append("digraph {\n  rankdir=LR;\n");
        foreach (Value node in nodes)
        {
            int id = ids[node];
            dot.Append(CultureInfo.InvariantCulture,
                $"  n{id} [shape=record, label=\"{{ {EscapeRecord(node.Label)} | data {node.Data:F4} | grad {node.Grad:F4} }}\"];\n");
            if (node.Op.Length > 0)
            {
                dot.Append(CultureInfo.InvariantCulture, $"  n{id}op [label=\"{EscapeString(node.Op)}\"];\n");
                dot.Append(CultureInfo.InvariantCulture, $"  n{id}op -> n{id};\n");
            }
        }

        foreach (Value node in nodes)
        {
            foreach (Value child in node.Children)
            {
                dot.Append(CultureInfo.InvariantCulture, $"  n{ids[child]} -> n{ids[node]}op;\n");
            }
        }

        dot.Append("}\n");
        return dot.ToString();
    }

    /// <summary>
    /// Renders DOT text with the Graphviz <c>dot</c> program. Never throws for a missing or failing
    /// <c>dot</c>: the result says what happened.
    /// </summary>
    /// <param name="dot">DOT text, e.g. from <see cref="ToDot"/>.</param>
    /// <param name="outputPath">The file to write.</param>
    /// <param name="format">A Graphviz output format such as <c>svg</c> or <c>png</c>.</param>
    /// <returns>Whether a file was written, and a message for people.</returns>
    /// <exception cref="ArgumentException">The format is not a plain word.</exception>
    public static GraphvizRenderResult TryRender(string dot, string outputPath, string format = "svg") =>
        TryRenderWith("dot", dot, outputPath, format);

    // The program name is a parameter so that tests can see what happens when it is missing.
    internal static GraphvizRenderResult TryRenderWith(string program, string dot, string outputPath, string format)
    {
        ArgumentNullException.ThrowIfNull(dot);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        if (string.IsNullOrEmpty(format) || !format.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"The Graphviz format must be a plain word such as \"svg\", not \"{format}\".", nameof(format));
        }

        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-T" + format);
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(outputPath);

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            return new GraphvizRenderResult(false,
                $"Graphviz is not installed: the `{program}` program was not found on PATH, so no {format} " +
                "was written (install the graphviz package to render; the .dot text is still usable).");
        }

        using (process)
        {
            Task<string> errors = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                return new GraphvizRenderResult(false, "Graphviz `dot` did not finish within 60 seconds and was stopped.");
            }

            return process.ExitCode == 0
                ? new GraphvizRenderResult(true, $"Rendered {outputPath} with Graphviz dot.")
                : new GraphvizRenderResult(false, $"Graphviz `dot` failed with exit code {process.ExitCode}: {errors.Result.Trim()}");
        }
    }

    // Inside a record label, braces, bars and angle brackets are structure; a backslash makes them text.
    private static string EscapeRecord(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is '{' or '}' or '|' or '<' or '>' or '"' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c is '\n' or '\r' ? ' ' : c);
        }

        return escaped.ToString();
    }

    private static string EscapeString(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
