using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Passes;
using AutoDiff.Generator.Printing;
using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>The pass that skips reverse loops whose adjoint is zero, on hand-built IR.</summary>
public class ZeroAdjointLoopsTests
{
    private static readonly Code Zero = Code.Number(0, NumKind.Double);

    private static string[] Printed(params Node[] nodes) =>
        IrPrinter.Print(ZeroAdjointLoops.Skip(new Block(nodes))).Select(line => line.Trim()).ToArray();

    private static Code NonZero(string name) => Code.Binary(Code.Atom(name), "!=", Code.Number(0, NumKind.Int), Code.Equality);

    // for (int i = n - 1; i >= 0; i--) { _dw[i] += _dg * x[i]; }: every statement a multiple of _dg.
    private static LoopNode Distribute(string counter = "i") => new(
        LoopForm.For,
        new DeclareNode("int", counter, Code.Sub(Code.Atom("n"), Code.Number(1, NumKind.Int))),
        Code.Binary(Code.Atom(counter), ">=", Code.Number(0, NumKind.Int), Code.Relational),
        new AssignNode(Code.Atom(counter), "--", null),
        new Block([new AccumulateNode(Code.Index("_dw", Code.Atom(counter)), Code.Mul(Code.Atom("_dg"), Code.Index("x", Code.Atom(counter))))]));

    private static int Tests(string[] lines) => lines.Count(line => line == "if (_dg != 0)");

    [Fact]
    public void A_loop_that_only_distributes_an_adjoint_is_skipped_when_it_is_zero()
    {
        Assert.Equal(1, Tests(Printed(Distribute())));
    }

    [Fact]
    public void A_loop_already_inside_the_same_test_is_not_tested_again()
    {
        var lines = Printed(new IfNode(NonZero("_dg"), new Block([Distribute()]), new Block()));

        Assert.Equal(1, Tests(lines));
    }

    [Fact]
    public void A_loop_after_the_adjoint_changed_inside_the_test_is_tested_again()
    {
        var lines = Printed(new IfNode(
            NonZero("_dg"),
            new Block([new AssignNode(Code.Atom("_dg"), "=", Code.Atom("y")), Distribute()]),
            new Block()));

        Assert.Equal(2, Tests(lines));
    }

    [Fact]
    public void A_loop_inside_an_outer_loop_that_changes_the_adjoint_is_tested_on_every_iteration()
    {
        // The test before the outer loop holds for its first iteration only: the reset below runs before the next.
        var outer = IrLoops.UpTo("k", "m", Distribute(), new AssignNode(Code.Atom("_dg"), "=", Zero));

        var lines = Printed(new IfNode(NonZero("_dg"), new Block([outer]), new Block()));

        Assert.Equal(2, Tests(lines));
    }

    [Fact]
    public void A_test_of_something_else_does_not_count()
    {
        var lines = Printed(new IfNode(NonZero("_dh"), new Block([Distribute()]), new Block()));

        Assert.Equal(1, Tests(lines));
    }
}
