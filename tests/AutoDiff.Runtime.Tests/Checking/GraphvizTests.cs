namespace AutoDiff.Tests.Checking;

public class GraphvizTests
{
    private static Value SeedExpression()
    {
        var a = new Value(2.0, "a");
        var b = new Value(-3.0, "b");
        var c = new Value(10.0, "c");
        Value e = a * b;
        e.Label = "e";
        Value d = e + c;
        d.Label = "d";
        return d;
    }

    [Fact]
    public void DotHasARecordPerValueAndAnOpNodePerOperation()
    {
        Value d = SeedExpression();
        d.Backward();

        string dot = d.ToDot();

        Assert.StartsWith("digraph {", dot);
        Assert.Contains("rankdir=LR;", dot);
        Assert.Contains("label=\"{ a | data 2.0000 | grad -3.0000 }\"", dot);
        Assert.Contains("label=\"{ d | data 4.0000 | grad 1.0000 }\"", dot);
        Assert.Equal(5, CountOf(dot, "shape=record"));   // a, b, c, e, d
        Assert.Equal(2, CountOf(dot, "op [label="));     // * and +
        Assert.Contains("op [label=\"*\"]", dot);
        Assert.Contains("op [label=\"+\"]", dot);
        Assert.Equal(2 + 4, CountOf(dot, "->"));         // op→result twice, operand→op four times
    }

    [Fact]
    public void DotIsTheSameUnderAnotherCulture()
    {
        string invariant = SeedExpression().ToDot();
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
            Assert.Equal(invariant, SeedExpression().ToDot());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void LabelsAreEscaped()
    {
        string dot = new Value(1.0, "x{1}|<\"y\">").ToDot();

        Assert.Contains("{ x\\{1\\}\\|\\<\\\"y\\\"\\> | data 1.0000", dot);
    }

    [Fact]
    public void MissingDotIsReportedPlainly()
    {
        string output = Path.Combine(Path.GetTempPath(), $"autodiff-{Guid.NewGuid():N}.svg");

        GraphvizRenderResult result = Graphviz.TryRenderWith("autodiff-no-such-dot-program", "digraph {}", output, "svg");

        Assert.False(result.Success);
        Assert.Contains("not installed", result.Message);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void RendersSvgWhenDotIsInstalled()
    {
        string output = Path.Combine(Path.GetTempPath(), $"autodiff-{Guid.NewGuid():N}.svg");
        try
        {
            GraphvizRenderResult result = Graphviz.TryRender(SeedExpression().ToDot(), output);

            if (result.Message.Contains("not installed"))
            {
                return; // no Graphviz on this machine; MissingDotIsReportedPlainly covers this path
            }

            Assert.True(result.Success, result.Message);
            Assert.Contains("<svg", File.ReadAllText(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void BadFormatIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Graphviz.TryRender("digraph {}", "x.svg", "svg; rm"));
        Assert.Contains("plain word", error.Message);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
