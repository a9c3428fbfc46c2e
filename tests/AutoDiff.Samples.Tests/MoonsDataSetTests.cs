using AutoDiff.Samples.Moons.Data;

namespace AutoDiff.Samples.Tests;

public class MoonsDataSetTests
{
    [Fact]
    public void The_same_seed_gives_the_same_points()
    {
        MoonsDataSet first = MoonsDataSet.Generate(100, noise: 0.1, seed: 7);
        MoonsDataSet second = MoonsDataSet.Generate(100, noise: 0.1, seed: 7);

        Assert.Equal(first.Points, second.Points);
    }

    [Fact]
    public void Another_seed_gives_other_points()
    {
        MoonsDataSet first = MoonsDataSet.Generate(100, noise: 0.1, seed: 7);
        MoonsDataSet second = MoonsDataSet.Generate(100, noise: 0.1, seed: 8);

        Assert.NotEqual(first.Points, second.Points);
    }

    [Theory]
    [InlineData(100, 50, 50)]
    [InlineData(7, 3, 4)] // scikit-learn gives the upper moon count / 2 and the lower moon the rest
    [InlineData(2, 1, 1)]
    public void Half_the_points_are_labelled_minus_one_and_the_rest_plus_one(int count, int minusOnes, int plusOnes)
    {
        MoonsDataSet data = MoonsDataSet.Generate(count, noise: 0.1, seed: 1);

        Assert.Equal(count, data.Count);
        Assert.Equal(minusOnes, data.Points.Count(p => p.Label == -1.0));
        Assert.Equal(plusOnes, data.Points.Count(p => p.Label == +1.0));
    }

    [Fact]
    public void Without_noise_every_point_lies_on_its_half_circle()
    {
        MoonsDataSet data = MoonsDataSet.Generate(40, noise: 0.0, seed: 3);

        foreach (MoonPoint p in data.Points)
        {
            // Upper moon: unit circle around (0, 0), y >= 0. Lower moon: unit circle around (1, 0.5), y <= 0.5.
            (double cx, double cy) = p.Label < 0 ? (0.0, 0.0) : (1.0, 0.5);
            Assert.Equal(1.0, Math.Sqrt((p.X - cx) * (p.X - cx) + (p.Y - cy) * (p.Y - cy)), 12);
            Assert.True(p.Label < 0 ? p.Y >= -1e-12 : p.Y <= 0.5 + 1e-12, $"point {p} is on the wrong half");
        }
    }

    [Fact]
    public void The_arcs_run_from_end_to_end()
    {
        MoonsDataSet data = MoonsDataSet.Generate(40, noise: 0.0, seed: 3);

        // linspace(0, π) includes both ends: the upper moon spans x in [-1, 1], the lower one x in [0, 2].
        Assert.Equal(-1.0, data.Points.Where(p => p.Label < 0).Min(p => p.X), 12);
        Assert.Equal(1.0, data.Points.Where(p => p.Label < 0).Max(p => p.X), 12);
        Assert.Equal(0.0, data.Points.Where(p => p.Label > 0).Min(p => p.X), 12);
        Assert.Equal(2.0, data.Points.Where(p => p.Label > 0).Max(p => p.X), 12);
    }

    [Fact]
    public void The_points_are_shuffled_so_labels_are_not_in_two_blocks()
    {
        MoonsDataSet data = MoonsDataSet.Generate(100, noise: 0.1, seed: 1337);

        int labelChanges = data.Points.Zip(data.Points.Skip(1), (a, b) => a.Label != b.Label ? 1 : 0).Sum();
        Assert.True(labelChanges > 10, $"only {labelChanges} label changes along the list");
    }

    [Fact]
    public void Noise_moves_points_off_the_arcs_by_about_its_standard_deviation()
    {
        MoonsDataSet data = MoonsDataSet.Generate(2000, noise: 0.1, seed: 5);

        double meanSquaredDistance = data.Points.Average(p =>
        {
            (double cx, double cy) = p.Label < 0 ? (0.0, 0.0) : (1.0, 0.5);
            double r = Math.Sqrt((p.X - cx) * (p.X - cx) + (p.Y - cy) * (p.Y - cy));
            return (r - 1.0) * (r - 1.0);
        });

        // The radial component of 2-D noise with σ = 0.1 has variance σ² = 0.01 (to first order in σ).
        Assert.InRange(meanSquaredDistance, 0.008, 0.012);
    }

    [Fact]
    public void Interleaved_layout_is_x_y_label_per_point()
    {
        MoonsDataSet data = MoonsDataSet.Generate(5, noise: 0.1, seed: 2);
        double[] flat = data.ToInterleaved();

        Assert.Equal(5 * MoonsDataSet.Stride, flat.Length);
        for (int i = 0; i < data.Count; i++)
        {
            Assert.Equal(data.Points[i], new MoonPoint(flat[3 * i], flat[3 * i + 1], flat[3 * i + 2]));
        }
    }

    [Theory]
    [InlineData(1, 0.1)]
    [InlineData(0, 0.1)]
    [InlineData(10, -0.1)]
    [InlineData(10, double.NaN)]
    public void Bad_arguments_are_rejected(int count, double noise)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MoonsDataSet.Generate(count, noise, seed: 1));
    }
}
