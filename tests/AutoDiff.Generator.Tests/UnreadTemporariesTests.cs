using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Passes;
using AutoDiff.Generator.Printing;
using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>The pass that drops generated temporaries nothing reads, on hand-built IR.</summary>
public class UnreadTemporariesTests
{
    private static string[] Printed(params Node[] nodes) =>
        IrPrinter.Print(UnreadTemporaries.Drop(new Block(nodes))).Select(line => line.Trim()).ToArray();

    private static DeclareNode Declare(string name, Code value) => new("double", name, value);

    [Fact]
    public void An_adjoint_copied_and_never_read_loses_its_copy_but_keeps_the_reset()
    {
        var lines = Printed(
            Declare("_g1", Code.Atom("_dx")),
            new AssignNode(Code.Atom("_dx"), "=", Code.Number(0, NumKind.Double)));

        Assert.Equal(["_dx = 0.0;"], lines);
    }

    [Fact]
    public void A_temporary_read_by_a_later_statement_stays()
    {
        var lines = Printed(
            Declare("_g1", Code.Atom("_dx")),
            new AccumulateNode(Code.Atom("_dy"), Code.Mul(Code.Atom("_g1"), Code.Atom("x"))));

        Assert.Equal(["double _g1 = _dx;", "_dy += _g1 * x;"], lines);
    }

    [Fact]
    public void A_chain_of_unread_temporaries_goes_whole()
    {
        // _t1 is read only by _result, which nothing reads: dropping _result leaves _t1 unread too.
        var lines = Printed(
            Declare("_t1", Code.Mul(Code.Atom("x"), Code.Atom("x"))),
            Declare("_result", Code.Add(Code.Atom("_t1"), Code.Atom("y"))),
            new AccumulateNode(Code.Atom("_dx"), Code.Atom("seed")));

        Assert.Equal(["_dx += seed;"], lines);
    }

    [Fact]
    public void Unread_temporaries_inside_loops_and_branches_go_too()
    {
        var loop = IrLoops.UpTo("i", "n", new IfNode(Code.Atom("c"), new Block([Declare("_g2", Code.Atom("_ds"))]), new Block()));

        var lines = Printed(loop);

        Assert.DoesNotContain(lines, line => line.Contains("_g2"));
        Assert.Contains("for (int i = 0; i < n; i++)", lines);
    }

    [Fact]
    public void A_value_that_could_throw_or_change_something_stays_even_unread()
    {
        var lines = Printed(
            Declare("_t1", Code.Index("_da", Code.Atom("k"))),
            Declare("_t2", Code.Div(Code.Atom("s"), Code.Atom("n"))),
            Declare("_t3", Code.Call("Math.Sign", Code.Atom("x"))),
            Declare("_t4", Code.Pop("_values")),
            Declare("_t5", Code.Atom("x.Length")));

        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public void A_name_read_only_in_a_verbatim_line_or_a_user_name_stays()
    {
        var lines = Printed(
            Declare("_t1", Code.Atom("x")),
            new VerbatimNode("Console.WriteLine(_t1);"),
            Declare("total", Code.Atom("x")));

        Assert.Equal(["double _t1 = x;", "Console.WriteLine(_t1);", "double total = x;"], lines);
    }
}
