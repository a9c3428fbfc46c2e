using System.Globalization;

namespace AutoDiff.Benchmarks;

/// <summary>What a row of <see cref="GemmBenchmark"/> runs.</summary>
public enum GemmKind
{
    /// <summary>The FMA peak on all cores (<see cref="PeakFma"/>): the yardstick of the other rows.</summary>
    Peak,

    /// <summary><c>Tensor.MatMul</c> / <c>FloatTensor.MatMul</c> (a new result tensor per call).</summary>
    MatMul,

    /// <summary>The product the autograd runs for a gradient, C += op(A)·op(B) with a transposed operand read while packing.</summary>
    Gradient,

    /// <summary>OpenBLAS's gemm on the same operands (when the library loads).</summary>
    OpenBlas,
}

/// <summary>
/// One benchmark row: C[batch × n × m] from A[n × k] and B[k × m] (<see cref="TransA"/>: A stored k × n, i.e. Aᵀ·B;
/// <see cref="TransB"/>: B stored m × k), in float32 when <see cref="Float"/>.
/// </summary>
public sealed record GemmCase(GemmKind Kind, bool Float, int N = 0, int K = 0, int M = 0, int Batch = 1, bool TransA = false, bool TransB = false)
    : IComparable<GemmCase>, IComparable
{
    /// <summary>The row's position in <see cref="GemmBenchmark.Cases"/>: the summary lists rows in that order.</summary>
    public int Position { get; init; }

    /// <summary>Marks the second peak row of a group (measured after the group's products).</summary>
    public bool Repeat { get; init; }

    public int CompareTo(GemmCase? other) => other is null ? 1 : Position.CompareTo(other.Position);

    public int CompareTo(object? obj) => CompareTo(obj as GemmCase);

    /// <summary>Floating-point operations of one call (an FMA counts 2).</summary>
    public double Flops => Kind == GemmKind.Peak
        ? (Float ? PeakFma.Flops<float>() : PeakFma.Flops<double>())
        : 2.0 * Batch * N * K * M;

    /// <summary>The row's label, e.g. <c>double MatMul 512×512×512</c> or <c>float gradient Aᵀ·B 784×64×256</c>.</summary>
    public override string ToString()
    {
        string type = Float ? "float" : "double";
        if (Kind == GemmKind.Peak) return $"{type} FMA peak ({PeakFma.Chains} chains × {Environment.ProcessorCount} cores){(Repeat ? ", again" : "")}";
        string shape = string.Create(CultureInfo.InvariantCulture, $"{N}×{K}×{M}");
        if (Batch > 1) shape = $"{Batch}×({shape})";
        string op = Kind switch
        {
            GemmKind.Gradient => TransA ? "gradient Aᵀ·B" : "gradient A·Bᵀ",
            GemmKind.OpenBlas => "OpenBLAS gemm",
            _ => Batch > 1 ? "batched MatMul" : "MatMul",
        };
        return $"{type} {op} {shape}";
    }
}
