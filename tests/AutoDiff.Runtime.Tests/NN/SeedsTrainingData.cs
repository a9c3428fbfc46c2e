namespace AutoDiff.Tests.NN;

// The seeds' four-sample data set (shared/seeds/001, "Create dataset").
internal static class SeedsTrainingData
{
    public static readonly double[][] Inputs =
    [
        [2.0, 3.0, -1.0],
        [3.0, -1.0, 0.5],
        [0.5, 1.0, 1.0],
        [1.0, 1.0, -1.0],
    ];

    public static readonly double[] Targets = [1.0, -1.0, -1.0, 1.0];
}
