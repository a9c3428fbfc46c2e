namespace AutoDiff.Generator.Emit;

/// <summary>
/// The value stack loops record into: a file-local type (one per generated file, so nothing clashes across
/// files or assemblies), backed by ArrayPool so the steady state allocates nothing.
/// </summary>
internal static class GradientStackSource
{
    public static void Write(SourceWriter writer)
    {
        writer.Line("/// <summary>A LIFO of values the primal sweep records for the adjoint sweep; pooled storage.</summary>");
        writer.Open("file ref struct GradientStack<T> where T : unmanaged");
        writer.Line("private T[] _items;");
        writer.Line("private int _count;");
        writer.Line();
        writer.Open("public GradientStack(int capacity)");
        writer.Line("_items = global::System.Buffers.ArrayPool<T>.Shared.Rent(capacity);");
        writer.Line("_count = 0;");
        writer.Close();
        writer.Line();
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        writer.Open("public void Push(T value)");
        writer.Open("if (_count == _items.Length)");
        writer.Line("Grow();");
        writer.Close();
        writer.Line();
        writer.Line("_items[_count++] = value;");
        writer.Close();
        writer.Line();
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        writer.Line("public T Pop() => _items[--_count];");
        writer.Line();
        writer.Line("public void Dispose() => global::System.Buffers.ArrayPool<T>.Shared.Return(_items);");
        writer.Line();
        writer.Open("private void Grow()");
        writer.Line("var larger = global::System.Buffers.ArrayPool<T>.Shared.Rent(_items.Length * 2);");
        writer.Line("global::System.Array.Copy(_items, larger, _count);");
        writer.Line("global::System.Buffers.ArrayPool<T>.Shared.Return(_items);");
        writer.Line("_items = larger;");
        writer.Close();
        writer.Close();
    }
}
