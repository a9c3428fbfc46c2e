using AutoDiff.CompilerServices;

namespace AutoDiff.Runtime.Tests.CompilerServices;

public class GradientStackTests
{
    [Fact]
    public void Pops_in_reverse_order_across_growth()
    {
        var stack = new GradientStack<double>(4);
        for (var i = 0; i < 1000; i++)
        {
            stack.Push(i * 0.5);
        }

        for (var i = 999; i >= 0; i--)
        {
            Assert.Equal(i * 0.5, stack.Pop());
        }

        stack.Dispose();
    }

    [Fact]
    public void Reserve_makes_room_for_exactly_that_many_reserved_pushes_on_top_of_what_is_there()
    {
        var stack = new GradientStack<int>(4);
        stack.Push(-1);
        stack.Push(-2);
        stack.Reserve(5000);
        for (var i = 0; i < 5000; i++)
        {
            stack.PushReserved(i);
        }

        for (var i = 4999; i >= 0; i--)
        {
            Assert.Equal(i, stack.Pop());
        }

        Assert.Equal(-2, stack.Pop());
        Assert.Equal(-1, stack.Pop());
        stack.Dispose();
    }

    [Fact]
    public void Reserving_zero_or_a_negative_count_does_nothing()
    {
        var stack = new GradientStack<double>(1);
        stack.Reserve(0);
        stack.Reserve(-7);
        stack.Push(3.0);
        Assert.Equal(3.0, stack.Pop());
        stack.Dispose();
    }

    [Fact]
    public void A_reserved_push_beyond_the_reservation_throws_instead_of_writing_out_of_bounds()
    {
        var pushed = 0;
        var failure = Record.Exception(() => PushUntilFull(ref pushed));
#if DEBUG
        // Debug builds check the reservation itself, at the first push past it.
        Assert.IsType<InvalidOperationException>(failure);
        Assert.Equal(1, pushed);
#else
        // Release builds keep only the array bounds check.
        Assert.IsType<IndexOutOfRangeException>(failure);
        Assert.True(pushed >= 1);
#endif
    }

    [Fact]
    public void Spans_pushed_whole_come_back_whole_in_order_with_single_values_between()
    {
        var stack = new GradientStack<double>(2);
        Span<double> first = [1, 2, 3];
        Span<double> second = [4, 5, 6, 7, 8];
        first.CopyTo(stack.PushSpan(first.Length));
        stack.Push(9);
        second.CopyTo(stack.PushSpan(second.Length)); // grows past the two rented slots
        Span<double> restored = stackalloc double[5];
        stack.PopSpan(restored.Length).CopyTo(restored);
        Assert.Equal([4.0, 5, 6, 7, 8], restored.ToArray());
        Assert.Equal(9, stack.Pop());
        stack.PopSpan(3).CopyTo(restored);
        Assert.Equal([1.0, 2, 3], restored[..3].ToArray());
        Assert.Equal(0, stack.Count);
        stack.Dispose();
    }

    private static void PushUntilFull(ref int pushed)
    {
        var stack = new GradientStack<double>(1);
        stack.Reserve(1);

        // The pool may hand out a larger array than asked for; push until the real end.
        for (; pushed < 1 << 20; pushed++)
        {
            stack.PushReserved(pushed);
        }
    }
}
