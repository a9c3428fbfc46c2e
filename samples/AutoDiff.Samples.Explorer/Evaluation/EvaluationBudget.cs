using AutoDiff.Samples.Explorer.Analysis;

namespace AutoDiff.Samples.Explorer.Evaluation;

/// <summary>
/// What an evaluation may still spend: loop iterations, tape nodes and time. Spending past any of them throws
/// <see cref="EvaluationLimitException"/> naming the limit, which the API turns into a 4xx.
/// </summary>
public sealed class EvaluationBudget(int loopIterations, int tapeNodes, CancellationToken cancellation)
{
    private readonly int _tapeNodes = tapeNodes;
    private int _iterationsLeft = loopIterations;
    private int _nodesLeft = tapeNodes;

    public int LoopIterations { get; } = loopIterations;

    /// <summary>Tape nodes created since the last <see cref="ResetNodes"/>.</summary>
    public int NodesUsed => _tapeNodes - _nodesLeft;

    /// <summary>A fresh node allowance for the next evaluation (a plot evaluates many points on one budget).</summary>
    public void ResetNodes() => _nodesLeft = _tapeNodes;

    public void Iteration(SourceSpanInfo loop)
    {
        if (--_iterationsLeft < 0)
        {
            throw new EvaluationLimitException(DiagnosticIds.LoopLimit,
                $"The loops ran more than {LoopIterations:N0} iterations in all, the explorer's limit; an endless loop stops here.", loop);
        }

        CheckTime(loop);
    }

    public void Nodes(int count, SourceSpanInfo? where)
    {
        _nodesLeft -= count;
        if (_nodesLeft < 0)
        {
            throw new EvaluationLimitException(DiagnosticIds.NodeLimit,
                $"The evaluation built more than {_tapeNodes:N0} tape nodes, the explorer's limit.", where);
        }

        if ((_nodesLeft & 1023) < count)
        {
            CheckTime(where);
        }
    }

    private void CheckTime(SourceSpanInfo? where)
    {
        if (cancellation.IsCancellationRequested)
        {
            throw new EvaluationLimitException(DiagnosticIds.TimeLimit, "The evaluation ran past the explorer's time limit.", where);
        }
    }
}

/// <summary>An evaluation stopped at a limit or an arithmetic error; it carries the diagnostic to return.</summary>
public sealed class EvaluationLimitException(string id, string message, SourceSpanInfo? where) : Exception(message)
{
    public ExplorerDiagnostic Diagnostic { get; } = ExplorerDiagnostic.Error(id, message, where);
}
