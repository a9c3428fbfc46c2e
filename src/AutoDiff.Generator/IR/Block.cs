using System.Collections;
using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Analysis;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Lowering;

namespace AutoDiff.Generator.IR;

/// <summary>A sequence of statements of the generated body, built up by the lowering in program order.</summary>
internal sealed class Block : IReadOnlyList<Node>
{
    private readonly List<Node> _nodes;

    public Block() => _nodes = new List<Node>();

    public Block(IEnumerable<Node> nodes) => _nodes = nodes.ToList();

    public int Count => _nodes.Count;

    public Node this[int index] => _nodes[index];

    public bool IsEmpty => _nodes.Count == 0;

    public IEnumerable<string> Names => _nodes.SelectMany(n => n.Names);

    public void Add(Node node) => _nodes.Add(node);

    public void Add(Block other) => _nodes.AddRange(other._nodes);

    /// <summary>A line no pass reads (see <see cref="VerbatimNode"/>).</summary>
    public void Line(string text) => _nodes.Add(new VerbatimNode(text));

    public void Comment(string text) => _nodes.Add(new CommentNode(text));

    public void Declare(string type, string name, Code value) => _nodes.Add(new DeclareNode(type, name, value));

    public void Assign(Code target, string op, Code value) => _nodes.Add(new AssignNode(target, op, value));

    public void Accumulate(Code adjoint, Code contribution) => _nodes.Add(new AccumulateNode(adjoint, contribution));

    /// <summary>Adds <c>if (condition) { then } else { otherwise }</c>.</summary>
    public void If(Code condition, Block then, Block? otherwise = null) => _nodes.Add(new IfNode(condition, then, otherwise ?? new Block()));

    public IEnumerator<Node> GetEnumerator() => _nodes.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
