using AutoDiff.Explorer.Tests.Infrastructure;
using PuppeteerSharp;
using PuppeteerSharp.Input;

namespace AutoDiff.Explorer.Tests;

/// <summary>
/// The page in real headless Chromium: it loads the seed's f(x) = 3x² − 4x + 5 at x = 3, the slider moves the
/// derivative and the tangent, the radio buttons switch the variable, and a refused method shows its diagnostic
/// at its line. Set AUTODIFF_EXPLORER_SCREENSHOT=path to save the loaded page as a PNG.
/// </summary>
public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly WaitForFunctionOptions Patience = new() { Timeout = 20_000, PollingInterval = 50 };

    [BrowserFact]
    public async Task The_page_loads_the_seeds_function_with_its_value_slope_plot_and_graph()
    {
        await using var page = await OpenAsync();

        Assert.Equal("20", await Text(page, "#value"));
        Assert.Equal("14", await Text(page, "tr[data-name=x] .gradient-value"));
        Assert.Equal("14", await Attribute(page, "#tangent", "data-slope"));
        Assert.NotEmpty(await Attribute(page, "#curve", "d"));
        Assert.Equal("14.0000", await Attribute(page, "#graph .record[data-label=x]", "data-grad"));
        Assert.Contains("FWithGradient(double x, out double dx)", await page.EvaluateExpressionAsync<string>("window.explorer.generatedView.getValue()"), StringComparison.Ordinal);
        Assert.Contains("cm-keyword", await page.EvaluateExpressionAsync<string>("document.querySelector('.CodeMirror').innerHTML"), StringComparison.Ordinal);

        if (Environment.GetEnvironmentVariable("AUTODIFF_EXPLORER_SCREENSHOT") is { Length: > 0 } path)
        {
            await page.ScreenshotAsync(path, new ScreenshotOptions { FullPage = false });
        }
    }

    [BrowserFact]
    public async Task Moving_the_slider_changes_the_derivative_and_the_tangent()
    {
        await using var page = await OpenAsync();
        var pointBefore = await Attribute(page, "#point", "cx");

        // A real click on the slider's track, a fifth of the way along [-5, 5].
        var slider = (await page.QuerySelectorAsync(".param[data-name=x] input[type=range]"))!;
        var box = (await slider.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + (box.Width * 0.2m), box.Y + (box.Height / 2));
        await page.WaitForFunctionAsync(
            "() => { const t = document.querySelector('#tangent'); const v = document.querySelector('.param[data-name=x] input[type=number]').value;" +
            " return t && +v !== 3 && Math.abs(+t.dataset.at - +v) < 1e-12; }", Patience);

        var x = double.Parse(await page.EvaluateExpressionAsync<string>("document.querySelector('.param[data-name=x] input[type=number]').value"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(x, -4.5, -2.5);
        await page.WaitForFunctionAsync("x => Math.abs(+document.querySelector('tr[data-name=x] .gradient-value').textContent - (6 * x - 4)) < 1e-8", Patience, x);
        AssertClose((3 * x * x) - (4 * x) + 5, double.Parse(await Text(page, "#value"), System.Globalization.CultureInfo.InvariantCulture));
        AssertClose((6 * x) - 4, double.Parse(await Attribute(page, "#tangent", "data-slope"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual(pointBefore, await Attribute(page, "#point", "cx"));
    }

    [BrowserFact]
    public async Task Switching_the_variable_plots_and_highlights_the_other_partial()
    {
        await using var page = await OpenAsync();
        await page.SelectAsync("#example", "1"); // d = a·b + c at a = 2, b = -3, c = 10
        await WaitForText(page, "#value", "4");
        Assert.Equal("-3", await Text(page, "tr[data-name=a] .gradient-value"));
        Assert.Equal("2", await Text(page, "tr[data-name=b] .gradient-value"));
        Assert.Equal("1", await Text(page, "tr[data-name=c] .gradient-value"));
        await WaitForAttribute(page, "#tangent", "data-slope", "-3"); // along a, the slope is b
        var curveAlongA = await Attribute(page, "#curve", "d");

        await page.ClickAsync(".param[data-name=b] input[type=radio]");
        await WaitForAttribute(page, "#tangent", "data-slope", "2"); // along b, the slope is a
        Assert.Contains("along b", await Text(page, "#plot-title"), StringComparison.Ordinal);
        Assert.Equal("chosen", await Attribute(page, "tr[data-name=b]", "class"));
        Assert.NotEqual(curveAlongA, await Attribute(page, "#curve", "d"));
    }

    [BrowserFact]
    public async Task A_method_the_generator_refuses_shows_the_diagnostic_at_its_line()
    {
        await using var page = await OpenAsync();
        await page.ClickAsync(".CodeMirror");
        await page.Keyboard.DownAsync(Key.Control);
        await page.Keyboard.PressAsync("KeyA");
        await page.Keyboard.UpAsync(Key.Control);
        await page.Keyboard.TypeAsync("static double Jump(double x)\n{\ngoto done;\ndone: return x;\n}");

        await page.WaitForFunctionAsync("() => document.querySelector('#diagnostics li[data-id=AD0004]')", Patience);
        Assert.Equal("3", await Attribute(page, "#diagnostics li[data-id=AD0004]", "data-line"));
        Assert.Contains("'goto' statement is not differentiable", await Text(page, "#diagnostics li[data-id=AD0004]"), StringComparison.Ordinal);
        // The message sits under line 3 in the editor, and that line is marked.
        Assert.Equal("3", await Attribute(page, ".CodeMirror .line-diagnostic[data-id=AD0004]", "data-line"));
        Assert.Equal(2, await page.EvaluateExpressionAsync<int>(
            "[...document.querySelectorAll('.CodeMirror-code > div')].findIndex(l => l.querySelector('.line-diagnostic[data-id=AD0004]'))"));
        Assert.Equal("–", await Text(page, "#value"));
    }

    private async Task<IPage> OpenAsync()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1400, Height = 1100 });
        await page.GoToAsync(fixture.BaseAddress);
        await WaitForText(page, "tr[data-name=x] .gradient-value", "14");
        await page.WaitForFunctionAsync("() => document.querySelector('#tangent') && document.querySelector('#graph svg')", Patience);
        return page;
    }

    private static Task WaitForText(IPage page, string selector, string text) =>
        page.WaitForFunctionAsync("(s, t) => document.querySelector(s)?.textContent === t", Patience, selector, text);

    private static Task WaitForAttribute(IPage page, string selector, string name, string value) =>
        page.WaitForFunctionAsync("(s, n, v) => document.querySelector(s)?.getAttribute(n) === v", Patience, selector, name, value);

    private static Task<string> Text(IPage page, string selector) =>
        page.EvaluateFunctionAsync<string>("s => document.querySelector(s).textContent", selector);

    private static Task<string> Attribute(IPage page, string selector, string name) =>
        page.EvaluateFunctionAsync<string>("(s, n) => document.querySelector(s).getAttribute(n)", selector, name);

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-8 * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
