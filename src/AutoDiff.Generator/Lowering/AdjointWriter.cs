using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Passes;
using AutoDiff.Generator.Analysis;

namespace AutoDiff.Generator.Lowering;

/// <summary>
/// The adjoint transformation: from a method model to the statements of its WithGradient or Pullback body.
/// The primal sweep runs the original statements, recording what the reverse sweep will need (overwritten
/// values, branch decisions, iteration counts) in locals, or on a pooled stack inside loops; the adjoint sweep
/// visits the statements in reverse, restoring each overwritten value and adding local derivatives into adjoints.
/// Works on the model only, so it can be tested on hand-built models.
/// </summary>
internal sealed partial class AdjointWriter
{
    private readonly MethodModel _method;
    private readonly bool _pullback;
    private readonly AdjointPlan _plan;
    private readonly EquatableArray<Stmt> _body;
    private readonly HashSet<string> _varied;
    private readonly Dictionary<string, ParameterModel> _parameters;
    private readonly Dictionary<string, string> _adjointOf = new();
    private readonly Dictionary<string, NumKind> _localAdjointKinds = new();
    private readonly List<string> _scalarParameters;
    private readonly List<BufferStmt> _buffers;

    /// <summary>The per-iteration slices (see <see cref="IterationSlices"/>) by the buffer they stand in for: the span and the rented array behind it, if any.</summary>
    private readonly Dictionary<string, (string Slices, string Pool)> _slicesOf = new();

    /// <summary>Element stores whose buffer is recorded whole around their loop, or computed again by the reverse iterations around it (see <see cref="WholeRecord"/>, <see cref="RecomputesWhole"/>).</summary>
    private readonly HashSet<AssignStmt> _recordedWhole = new(ReferenceEqualityComparer<AssignStmt>.Instance);
    private readonly HashSet<string> _usedNames = new();
    private readonly Dictionary<string, int> _versions = new();
    private readonly Block _hoisted = new();
    private readonly HashSet<string> _hoistedNames = new();
    private readonly Dictionary<Expr, Code> _knownValues = new(ReferenceEqualityComparer<Expr>.Instance);
    private readonly Stack<Dictionary<Expr, Code>> _valueScopes = new();
    private Block? _primalValues;
    private int _tempCounter;
    private readonly string _resultName;

    private AdjointWriter(MethodModel method, bool pullback, bool secondOrder = false)
    {
        _method = method;
        _pullback = pullback;
        _secondOrder = secondOrder;
        _plan = AdjointPlan.Of(method, sliceIterations: !secondOrder);
        _body = _plan.Body;
        _parameters = method.Parameters.ToDictionary(p => p.Name);
        _varied = _plan.Varied;
        var statements = Normalizer.Walk(_body).ToList();
        foreach (var name in method.Parameters.SelectMany(p => new[] { p.Name, p.AdjointName }).Where(n => n is not null))
        {
            _usedNames.Add(name!);
        }

        _usedNames.Add(method.SeedName);
        _usedNames.Add(method.SeedDirectionName);
        foreach (var name in method.Parameters.SelectMany(p => new[] { p.TangentName, p.DirectionName, p.ProductName }).Where(n => n is not null))
        {
            _usedNames.Add(name!);
        }

        foreach (var statement in statements)
        {
            switch (statement)
            {
                case DeclareStmt d:
                    _usedNames.Add(d.Name);
                    break;
                case BufferStmt b:
                    _usedNames.Add(b.Name);
                    break;
                case CountedForStmt c:
                    _usedNames.Add(c.Index);
                    break;
            }
        }

        _buffers = statements.OfType<BufferStmt>().ToList();
        _scalarParameters = method.Parameters.Where(p => p.Role == ParamRole.Scalar).Select(p => p.Name).ToList();

        foreach (var declaration in statements.OfType<DeclareStmt>().Where(d => d.Kind.IsFloating() && _varied.Contains(d.Name)))
        {
            _adjointOf[declaration.Name] = Fresh("_d" + declaration.Name);
            _localAdjointKinds[_adjointOf[declaration.Name]] = declaration.Kind;
        }

        // Every scalar parameter's adjoint is summed in a local and stored once at the end: `dx += …` on the out/ref
        // parameter itself would be a store through a reference per contribution, which the JIT keeps in memory.
        foreach (var name in _scalarParameters)
        {
            _adjointOf[name] = Fresh("_d" + name);
            _localAdjointKinds[_adjointOf[name]] = _parameters[name].ElementKind;
        }

        foreach (var parameter in method.Parameters.Where(p => p.Role != ParamRole.Passive && !_adjointOf.ContainsKey(p.Name)))
        {
            _adjointOf[parameter.Name] = parameter.AdjointName!;
        }

        foreach (var buffer in _buffers.Where(b => _varied.Contains(b.Name)))
        {
            _adjointOf[buffer.Name] = Fresh("_d" + buffer.Name);
        }

        _resultName = Fresh("_result");
        DeclareVectorAdjoints();
    }

    private NumKind Scalar => _method.ReturnKind;

    /// <summary>The runtime's value stack (public there, rather than a file-local type here, so C# 10 compiles the output).</summary>
    private const string StackType = "global::AutoDiff.CompilerServices.GradientStack";

    /// <summary>The body of <c>{Name}WithGradient</c> (or <c>{Name}Pullback</c> when <paramref name="pullback"/>).</summary>
    public static Block Write(MethodModel method, bool pullback) => new AdjointWriter(method, pullback).WriteBody();

    /// <summary>
    /// The body of <c>{Name}HessianVectorProduct</c> (or <c>{Name}PullbackPushforward</c> when <paramref name="pullback"/>):
    /// the gradient's statements with the tangents along the direction carried through them.
    /// </summary>
    public static Block WriteHessianVector(MethodModel method, bool pullback) => new AdjointWriter(method, pullback, secondOrder: true).WriteBody();

    private Block WriteBody()
    {
        var (forward, reverse) = EmitBlock(_body, new Context(0, false, []));
        var hoisted = _hoisted;
        var (folded, declaredUpFront) = SplitAdjointDeclarations();
        hoisted.Add(declaredUpFront);
        var stores = new Block();
        foreach (var name in _scalarParameters)
        {
            stores.Assign(Code.Atom(_parameters[name].AdjointName!), _pullback ? "+=" : "=", Code.Atom(_adjointOf[name]));
        }

        foreach (var buffer in _buffers.Where(b => _varied.Contains(b.Name)))
        {
            stores.Add(new ExpressionNode(Code.Call(PoolOf(buffer.ElementKind.Keyword()) + ".Return", Code.Atom(_adjointOf[buffer.Name] + "_pool"))));
        }

        foreach (var buffer in _buffers.Where(b => _slicesOf.ContainsKey(b.Name)))
        {
            var pool = Code.Atom(_slicesOf[buffer.Name].Pool);
            var giveBack = new Block();
            giveBack.Add(new ExpressionNode(Code.Call(PoolOf(buffer.ElementKind.Keyword()) + ".Return", pool)));
            stores.If(Code.Binary(pool, "!=", Code.Atom("null"), Code.Relational), giveBack);
        }

        if (_secondOrder)
        {
            // The tangents go through the adjoints' declarations and the skipped-when-zero tests before those are
            // folded and added: both change meaning when a tangent rides along.
            var transformed = Tangents().Transform([hoisted, ElementSums(forward), ElementSums(FirstContributions.Fold(folded, reverse)), stores]);
            (hoisted, forward, reverse, stores) = (transformed[0], transformed[1], ZeroAdjointLoops.Skip(transformed[2]), transformed[3]);
        }
        else
        {
            reverse = ElementSums(FirstContributions.Fold(folded, ZeroAdjointLoops.Skip(reverse)));
            forward = ElementSums(forward);
        }

        forward = StackReservation.Reserve(forward);
        var ownArrays = new Dictionary<string, string>();
        foreach (var buffer in _buffers)
        {
            ownArrays[buffer.Name] = buffer.ElementKind.Keyword();
            if (_adjointOf.TryGetValue(buffer.Name, out var bufferAdjoint))
            {
                ownArrays[bufferAdjoint] = buffer.ElementKind.Keyword();
            }
        }

        forward = ElementReads.Apply(forward, ownArrays, Fresh);
        reverse = ElementReads.Apply(reverse, ownArrays, Fresh);
        var parameterNames = _method.Parameters.Select(p => p.Name).ToList();
        // An array parameter may be null; the reverse sweep reads only what the primal sweep already read.
        var arrayParameters = _method.Parameters.Where(p => p.TypeText.EndsWith("[]", System.StringComparison.Ordinal)).Select(p => p.Name).ToList();
        forward = LoopWindows.Apply(forward, parameterNames, arrayParameters, Fresh);
        reverse = LoopWindows.Apply(reverse, parameterNames, [], Fresh);
        var body = new Block();
        foreach (var parameter in _method.Parameters.Where(p => p.Role == ParamRole.Span))
        {
            body.Add(LengthCheck("adjoint", parameter.AdjointName!, parameter.Name));
            if (_secondOrder)
            {
                body.Add(LengthCheck("direction", parameter.DirectionName!, parameter.Name));
                body.Add(LengthCheck("product", parameter.ProductName!, parameter.Name));
            }
        }

        VectorPrologue(body);

        if (!_pullback)
        {
            foreach (var parameter in _method.Parameters.Where(p => p.Role == ParamRole.Span))
            {
                body.Add(new ExpressionNode(Code.Call(parameter.AdjointName + ".Clear")));
                if (_secondOrder)
                {
                    body.Add(new ExpressionNode(Code.Call(parameter.ProductName + ".Clear")));
                }
            }
        }

        body.Add(hoisted);
        var stacks = new List<Stack>();
        foreach (var stack in new[] { Stack.Values, Stack.Ints })
        {
            if (StackReservation.Pushes(forward, stack))
            {
                body.Declare("var", StackNames.Of(stack), Code.Atom("new " + StackType + "<" + (stack == Stack.Values ? "double" : "int") + ">(64)"));
                stacks.Add(stack);
            }
        }

        if (!body.IsEmpty)
        {
            body.Add(new VerbatimNode(string.Empty));
        }

        var sweeps = new Block();
        sweeps.Comment("Primal sweep");
        sweeps.Add(forward);
        VectorAfterPrimal(sweeps);
        if (!reverse.IsEmpty || !stores.IsEmpty)
        {
            // When every loop took its adjoint along (a dot product), nothing is left to sweep.
            sweeps.Add(new VerbatimNode(string.Empty));
            sweeps.Comment("Adjoint sweep");
            sweeps.Add(reverse);
            sweeps.Add(stores);
        }

        VectorEpilogue(sweeps);

        // The stacks go back to the pool on the way out. A body that throws (a callee's argument check, an index
        // out of range) leaves them to the garbage collector instead, which the pool allows: a try/finally here
        // would cost every call a few percent, since the JIT keeps locals that live into a handler in memory.
        foreach (var stack in stacks)
        {
            sweeps.Add(new ExpressionNode(Code.Call(StackNames.Of(stack) + ".Dispose")));
        }

        if (!_pullback)
        {
            sweeps.Add(new ReturnNode(Code.Atom(_resultName)));
        }

        body.Add(sweeps);
        return body;
    }

    /// <summary>The sweep with the element sums of its loops kept in locals (<see cref="InvariantElementSums"/>), over this body's double adjoint spans.</summary>
    private Block ElementSums(Block sweep)
    {
        var doubleArrays = _method.Parameters.Where(p => p.Role == ParamRole.Span && p.ElementKind == NumKind.Double).Select(p => p.AdjointName!)
            .Concat(_buffers.Where(b => b.ElementKind == NumKind.Double && _adjointOf.ContainsKey(b.Name)).Select(b => _adjointOf[b.Name]))
            .ToList();
        return InvariantElementSums.Hoist(sweep, doubleArrays, Temp);
    }

    /// <summary>The forward-mode transformation of this body's gradient code, with the parameters' directions and products named.</summary>
    private TangentTransform Tangents()
    {
        var scalars = new Dictionary<string, NumKind>();
        var arrays = new Dictionary<string, NumKind>();
        var tangents = new Dictionary<string, string>();
        foreach (var parameter in _method.Parameters)
        {
            if (NumKindExtensions.FromKeyword(parameter.TypeText) is { } kind && kind.IsFloating())
            {
                scalars[parameter.Name] = kind;
            }
            else if (parameter.ElementKind.IsFloating())
            {
                arrays[parameter.Name] = parameter.ElementKind;
            }

            if (parameter.Role == ParamRole.Passive)
            {
                continue;
            }

            tangents[parameter.Name] = parameter.DirectionName!;
            tangents[parameter.AdjointName!] = parameter.ProductName!;
            if (parameter.Role == ParamRole.Span)
            {
                arrays[parameter.AdjointName!] = parameter.ElementKind;
            }
            else
            {
                scalars[parameter.AdjointName!] = parameter.ElementKind;
            }
        }

        if (_pullback)
        {
            scalars[_method.SeedName] = Scalar;
            tangents[_method.SeedName] = _method.SeedDirectionName;
        }

        var callees = ExprTree.Callees(_body)
            .Where(c => c.PullbackPushforward is not null)
            .Select(c => new TangentTransform.Callee(c.Target, c.Pullback, c.Pushforward!, c.PullbackPushforward!, c.Roles, c.Kind));
        return new TangentTransform(scalars, arrays, tangents, callees, Fresh);
    }

    /// <summary>Throws, naming both, unless the <paramref name="role"/> span <paramref name="span"/> is as long as <paramref name="parameter"/>.</summary>
    private static IfNode LengthCheck(string role, string span, string parameter) =>
        new(
            Code.Binary(Code.Member(Code.Atom(span), "Length"), "!=", Code.Member(Code.Atom(parameter), "Length"), Code.Equality),
            new Block([new ThrowArgumentNode(
                "The " + role + " '" + span + "' has length {" + span + ".Length} but parameter '" + parameter + "' has length {" + parameter + ".Length}; they must be equal.",
                span)]),
            new Block());

    /// <summary>
    /// Where a statement sits: loop depth, whether it is inside a branch or loop (its locals are then hoisted), the
    /// branch records a <c>break</c> must push first, and the innermost loop.
    /// </summary>
    private sealed record Context(int Depth, bool Nested, IReadOnlyList<Node> PendingPushes, LoopScope? Loop = null)
    {
        public Context Enter(bool loop) => loop ? this with { Depth = Depth + 1, Nested = true, PendingPushes = [] } : this with { Nested = true };
    }


    private (Block Forward, Block Reverse) EmitBlock(IEnumerable<Stmt> statements, Context context)
    {
        var forward = new Block();
        var reverses = new List<Block>();
        var block = statements.ToList();
        for (var index = 0; index < block.Count; index++)
        {
            var statement = block[index];
            if (context is { Depth: 0, Nested: false })
            {
                DeclareSlices(statement, forward);
            }

            var (f, r) = EmitStatement(statement, context);
            forward.Add(f);
            reverses.Add(r);
        }

        var reverse = new Block();
        for (var i = reverses.Count - 1; i >= 0; i--)
        {
            reverse.Add(reverses[i]);
        }

        return (forward, reverse);
    }

    private (Block Forward, Block Reverse) EmitStatement(Stmt statement, Context context)
    {
        var forward = new Block();
        var reverse = new Block();
        var comment = new CommentNode("line " + statement.Line + ": " + statement.Source);
        switch (statement)
        {
            case DeclareStmt declare:
                forward.Add(comment);
                EmitDeclare(declare, context, forward, reverse);
                break;
            case AssignStmt assign:
                forward.Add(comment);
                EmitAssign(assign, context, forward, reverse);
                break;
            case BufferStmt buffer:
                forward.Add(comment);
                EmitBuffer(buffer, forward);
                break;
            case ReturnStmt { Value: TupleExpr tuple }:
                EmitTupleReturn(tuple, comment, forward, reverse);
                break;
            case ReturnStmt ret when !context.Nested:
                // The final return at the top: the subexpressions the adjoint needs are computed once, before
                // the value, and the value is written in terms of them.
                var top = new Block();
                var topAdjoint = new Block();
                ResetScopes();
                _primalValues = top;
                BackpropStatement(ret.Value, _pullback ? Code.Atom(_method.SeedName) : Code.Number(1, Scalar), Scalar, topAdjoint);
                _primalValues = null;
                forward.Add(comment);
                forward.Add(top);
                forward.Declare(Scalar.Keyword(), _resultName, ExpressionRenderer.Render(ret.Value, _valueScopes.Peek()));
                AddCommented(reverse, comment, WithoutSeededContributions(topAdjoint));
                break;
            case ReturnStmt ret:
                forward.Add(comment);
                var value = ExpressionRenderer.Render(ret.Value);
                if (context.Nested)
                {
                    Hoist(Scalar, _resultName);
                    forward.Assign(Code.Atom(_resultName), "=", value);
                }
                else
                {
                    forward.Declare(Scalar.Keyword(), _resultName, value);
                }

                var seed = _pullback ? Code.Atom(_method.SeedName) : Code.Number(1, Scalar);
                var adjoint = new Block();
                ResetScopes();
                BackpropStatement(ret.Value, seed, Scalar, adjoint);
                AddCommented(reverse, comment, adjoint);
                break;
            case BreakStmt:
                for (var i = context.PendingPushes.Count - 1; i >= 0; i--)
                {
                    forward.Add(context.PendingPushes[i]);
                }

                forward.Add(new BreakNode());
                break;
            case PassiveStmt passive:
                // Nothing of it reaches the adjoint sweep (a path that throws ends the method there).
                forward.Add(comment);
                forward.Add(new PassiveNode(passive.Text, passive.Reads));
                break;
            case IfStmt branch:
                EmitIf(branch, context, comment, forward, reverse);
                break;
            case WhileStmt loop:
                EmitWhile(loop, context, comment, forward, reverse);
                break;
            case CountedForStmt loop:
                EmitCountedFor(loop, context, comment, forward, reverse);
                break;
            default:
                throw new System.InvalidOperationException("Statement " + statement.GetType().Name + " reached the writer unnormalized");
        }

        return (forward, reverse);
    }

    private static void AddCommented(Block reverse, CommentNode comment, Block adjoint)
    {
        if (!adjoint.IsEmpty)
        {
            reverse.Add(comment);
            reverse.Add(adjoint);
        }
    }

    private void EmitDeclare(DeclareStmt declare, Context context, Block forward, Block reverse)
    {
        Node? restore = null;
        if (context.Nested)
        {
            Hoist(declare.Kind, declare.Name);
            switch (_plan.RecoveryOf(declare))
            {
                case Recovery.Save:
                    restore = Save(declare.Name, declare.Kind, Code.Atom(declare.Name), context, forward);
                    break;
                case Recovery.Recompute:
                    context.Loop!.Recomputed.Assign(Code.Atom(declare.Name), "=", ExpressionRenderer.Render(declare.Value!));
                    break;
            }
        }

        var (rendering, recorded) = declare.Value is { } v && _adjointOf.ContainsKey(declare.Name)
            ? RecordOutputs(v, Activity.StoresReadableOutput(v, declare.Kind), context, forward)
            : (null, new List<MathCallExpr>());
        var value = declare.Value is not null ? ExpressionRenderer.Render(declare.Value, rendering) : Code.Number(0, declare.Kind);
        if (context.Nested)
        {
            forward.Assign(Code.Atom(declare.Name), "=", value);
        }
        else
        {
            forward.Declare(declare.Kind.Keyword(), declare.Name, value);
        }

        var adjoint = new Block();
        ResetScopes();
        if (_adjointOf.TryGetValue(declare.Name, out var adjointName))
        {
            if (restore is null && context.Depth == 0)
            {
                if (declare.Value is not null)
                {
                    RememberOutput(declare.Value, declare.Kind, Code.Atom(declare.Name), adjoint, copy: false);
                    BackpropStatement(declare.Value, Code.Atom(adjointName), declare.Kind, adjoint);
                }
            }
            else
            {
                var gradient = Temp("_g");
                adjoint.Declare(declare.Kind.Keyword(), gradient, Code.Atom(adjointName));
                adjoint.Assign(Code.Atom(adjointName), "=", Code.Number(0, declare.Kind));
                if (declare.Value is not null)
                {
                    RememberOutput(declare.Value, declare.Kind, Code.Atom(declare.Name), adjoint, copy: true);
                }

                PopOutputs(recorded, adjoint);
                AddRestore(restore, adjoint);
                if (declare.Value is not null)
                {
                    BackpropUnlessZero(declare.Value, gradient, declare.Kind, adjoint);
                }
            }
        }
        else
        {
            AddRestore(restore, adjoint);
        }

        AddCommented(reverse, new CommentNode("line " + declare.Line + ": " + declare.Source), adjoint);
    }

    private void EmitAssign(AssignStmt assign, Context context, Block forward, Block reverse)
    {
        var target = ExpressionRenderer.Render(assign.Target);
        var name = assign.Target is VarExpr v ? v.Name : ((IndexExpr)assign.Target).Array;
        var restore = _plan.RecoveryOf(assign) switch
        {
            Recovery.UndoStep => new AssignNode(target, assign.Op == "+=" ? "-=" : "+=", ExpressionRenderer.Render(assign.Value)),
            Recovery.Save when !_recordedWhole.Contains(assign) => Save(name, assign.Target.Kind, target, context, forward),
            _ => null,
        };

        var differentiated = assign.Target.Kind.IsFloating() && _adjointOf.ContainsKey(name);
        var (rendering, recorded) = differentiated
            ? RecordOutputs(assign.Value, assign.Op == "=" && Activity.StoresReadableOutput(assign.Value, assign.Target.Kind), context, forward)
            : (null, new List<MathCallExpr>());
        forward.Assign(target, assign.Op, ExpressionRenderer.Render(assign.Value, rendering));

        var adjoint = new Block();
        ResetScopes();
        if (differentiated)
        {
            var targetAdjoint = assign.Target is IndexExpr index
                ? Code.Index(_adjointOf[name], ExpressionRenderer.Render(index.Index))
                : Code.Atom(_adjointOf[name]);
            var mentionsTarget = Activity.Names(assign.Value).Contains(name);
            if (assign.Op is "+=" or "-=" && !mentionsTarget)
            {
                PopOutputs(recorded, adjoint);
                AddRestore(restore, adjoint);
                BackpropStatement(assign.Value, assign.Op == "+=" ? targetAdjoint : Code.Neg(targetAdjoint), assign.Target.Kind, adjoint);
            }
            else
            {
                var gradient = Temp("_g");
                adjoint.Declare(assign.Target.Kind.Keyword(), gradient, targetAdjoint);
                adjoint.Assign(targetAdjoint, "=", Code.Number(0, assign.Target.Kind));
                if (assign.Op == "=")
                {
                    RememberOutput(assign.Value, assign.Target.Kind, target, adjoint, copy: true);
                }

                PopOutputs(recorded, adjoint);
                AddRestore(restore, adjoint);
                BackpropUnlessZero(Activity.Effective(assign), gradient, assign.Target.Kind, adjoint);
            }
        }
        else
        {
            AddRestore(restore, adjoint);
        }

        AddCommented(reverse, new CommentNode("line " + assign.Line + ": " + assign.Source), adjoint);
    }

    /// <summary>Declares the local buffer, and its adjoint buffer when <paramref name="withAdjoint"/> (a forward-mode body has none).</summary>
    private void EmitBuffer(BufferStmt buffer, Block forward, bool withAdjoint = true)
    {
        var type = buffer.ElementKind.Keyword();
        var length = ExpressionRenderer.Render(buffer.Length);
        var sliced = withAdjoint ? _plan.SlicedOver(buffer.Name) : null;
        forward.Declare(
            // A sliced buffer is pointed at each iteration's slice, which an array variable cannot hold.
            buffer.StackAllocated || sliced is not null ? "global::System.Span<" + type + ">" : type + "[]",
            buffer.Name,
            buffer.StackWhen switch
            {
                // Written the way round the source writes it: 'c ? new double[n] : stackalloc double[n]' is on the stack when !c.
                UnaryExpr { Op: "!", Operand: var large } => Code.Choose(ExpressionRenderer.Render(large), Code.NewArray(false, type, length), Code.NewArray(true, type, length)),
                { } small => Code.Choose(ExpressionRenderer.Render(small), Code.NewArray(true, type, length), Code.NewArray(false, type, length)),
                null => Code.NewArray(buffer.StackAllocated, type, length),
            });
        if (withAdjoint && _adjointOf.TryGetValue(buffer.Name, out var adjoint))
        {
            var bufferLength = Code.Member(Code.Atom(buffer.Name), "Length");
            forward.Declare(type + "[]", adjoint + "_pool", Code.Call(PoolOf(type) + ".Rent", bufferLength));
            forward.Declare("global::System.Span<" + type + ">", adjoint, Code.Call(adjoint + "_pool.AsSpan", Code.Number(0, NumKind.Int), bufferLength));
            forward.Add(new ExpressionNode(Code.Call(adjoint + ".Clear")));
        }
    }

    /// <summary>
    /// Makes the per-iteration slices of the buffers <paramref name="host"/> (a top-level statement) slices
    /// (<see cref="IterationSlices"/>): on the stack when small and the buffer is on the stack, else in a rented
    /// array given back at the end. (A span declared from an array may not be pointed at stack memory.)
    /// </summary>
    private void DeclareSlices(Stmt host, Block forward)
    {
        foreach (var (name, sliced) in _plan.SlicedAt(host))
        {
            var buffer = _buffers.First(b => b.Name == name);
            var type = buffer.ElementKind.Keyword();
            var slices = Fresh("_" + name + "Slices");
            var (size, pool) = (Code.Atom(Fresh(slices + "Length")), Code.Atom(Fresh(slices + "_pool")));
            _slicesOf[name] = (slices, pool.Text);
            var trips = ConstantTrips(sliced) is { } constant ? Code.Number(constant, NumKind.Int) : Code.PlainCall("global::System.Math.Max", NumKind.Int, Code.Number(0, NumKind.Int), Trips(sliced));
            forward.Comment("Each iteration of the loop at line " + sliced.Line + " writes its own slice of " + name + ", as its adjoint reads it back.");
            forward.Declare("int", size.Text, Code.PlainCall("checked", NumKind.Int, Code.Mul(Code.Member(Code.Atom(name), "Length"), trips)));
            var rent = Code.Call(PoolOf(type) + ".Rent", size);
            if (!buffer.StackAllocated)
            {
                forward.Declare(type + "[]?", pool.Text, rent);
                forward.Declare("global::System.Span<" + type + ">", slices, pool);
                continue;
            }

            // On the stack when small: slices in a rented array measured slower (GMM at d = 2: 3.1 against 2.85 times the objective).
            forward.Declare(type + "[]?", pool.Text, Code.Choose(
                Code.Binary(size, "<=", Code.Number(SlicesOnStack, NumKind.Int), Code.Relational),
                Code.Atom("null"),
                rent));
            forward.Declare("global::System.Span<" + type + ">", slices, Code.Choose(
                Code.Binary(pool, "==", Code.Atom("null"), Code.Relational),
                Code.NewArray(true, type, size),
                pool));
        }
    }

    /// <summary>The shared array pool of <paramref name="type"/>'s arrays, as generated code names it.</summary>
    private static string PoolOf(string type) => "global::System.Buffers.ArrayPool<" + type + ">.Shared";

    /// <summary>The most elements of per-iteration slices kept on the stack (8 KB of doubles); more are rented.</summary>
    private const int SlicesOnStack = 1024;

    /// <summary>
    /// Points each buffer <paramref name="loop"/> gives a slice per iteration at this iteration's slice, before
    /// <paramref name="body"/> (a primal or an adjoint iteration): <c>b = LoopWindow.Of(_bSlices, i * b.Length, b.Length);</c>.
    /// </summary>
    private Block StartWithSlices(CountedForStmt loop, Block body)
    {
        if (body.IsEmpty)
        {
            return body;
        }

        var start = new Block();
        var sliced = new HashSet<string>(_plan.SlicedBy(loop));
        var i = Code.Atom(loop.Index);
        var iteration = loop.Start is ConstExpr { Value: 0 } && !loop.Descending ? i
            : loop.Descending ? Code.Sub(ExpressionRenderer.Render(loop.Start), i)
            : Code.Sub(i, ExpressionRenderer.Render(loop.Start));
        foreach (var name in _buffers.Select(b => b.Name).Where(n => sliced.Contains(n) && _slicesOf.ContainsKey(n)))
        {
            var length = Code.Member(Code.Atom(name), "Length");
            // A window, as the loop windows are: the passes know it throws nothing (the array was rented to fit).
            start.Assign(Code.Atom(name), "=", Code.Call(LoopWindows.WindowOf, Code.Atom(_slicesOf[name].Slices), Code.Mul(iteration, length), length));
        }

        if (start.IsEmpty)
        {
            return body;
        }

        start.Add(body);
        return start;
    }

    private void EmitIf(IfStmt branch, Context context, CommentNode comment, Block forward, Block reverse)
    {
        var hasBreak = Normalizer.Walk(branch.Then.Concat(branch.Else), intoLoops: false).Any(s => s is BreakStmt);
        var record = Temp("_branch");
        var push = Push(Stack.Ints, Code.Choose(Code.Atom(record), Code.Number(1, NumKind.Int), Code.Number(0, NumKind.Int)));
        var inner = context.Depth > 0 && hasBreak
            ? context with { Nested = true, PendingPushes = context.PendingPushes.Append(push).ToList() }
            : context.Enter(loop: false);
        var (thenForward, thenReverse) = EmitBlock(branch.Then, inner);
        var (elseForward, elseReverse) = EmitBlock(branch.Else, inner);
        var condition = ExpressionRenderer.Render(branch.Condition);
        forward.Add(comment);
        var recorded = hasBreak && context.Depth > 0 || !thenReverse.IsEmpty || !elseReverse.IsEmpty;
        if (!recorded)
        {
            forward.If(condition, thenForward, elseForward);
            return;
        }

        if (context.Depth == 0 && context.Nested)
        {
            Hoist(NumKind.Bool, record);
            forward.Assign(Code.Atom(record), "=", condition);
        }
        else
        {
            forward.Declare("bool", record, condition);
        }

        forward.If(Code.Atom(record), thenForward, elseForward);
        Code test;
        if (context.Depth > 0)
        {
            forward.Add(push);
            test = Code.Binary(PopInt, "!=", Code.Number(0, NumKind.Int), Code.Equality);
        }
        else
        {
            test = Code.Atom(record);
        }

        reverse.Add(comment);
        if (thenReverse.IsEmpty && elseReverse.IsEmpty)
        {
            // Only the record's slot on the stack needs releasing.
            reverse.Add(new ExpressionNode(PopInt));
            return;
        }

        WriteChoice(test, thenReverse, elseReverse, reverse);
    }

    private static Code PopInt => Code.Pop(StackNames.Of(Stack.Ints));

    private static Code PopValue => Code.Pop(StackNames.Of(Stack.Values));

    private void EmitWhile(WhileStmt loop, Context context, CommentNode comment, Block forward, Block reverse)
    {
        var scope = OpenLoop();
        var (bodyForward, bodyReverse) = EmitBlock(loop.Body, context.Enter(loop: true) with { Loop = scope });
        bodyReverse = StartWithRecomputed(scope, bodyReverse);
        var condition = ExpressionRenderer.Render(loop.Condition);
        forward.Add(comment);
        if (bodyReverse.IsEmpty)
        {
            forward.Add(new LoopNode(loop.IsDo ? LoopForm.Do : LoopForm.While, null, condition, null, bodyForward));
            return;
        }

        var count = Temp("_loop");
        if (context.Depth == 0 && context.Nested)
        {
            Hoist(NumKind.Int, count);
            forward.Assign(Code.Atom(count), "=", Code.Number(0, NumKind.Int));
        }
        else
        {
            forward.Declare("int", count, Code.Number(0, NumKind.Int));
        }

        var counted = new Block();
        counted.Add(new AssignNode(Code.Atom(count), "++", null));
        counted.Add(bodyForward);
        forward.Add(new LoopNode(loop.IsDo ? LoopForm.Do : LoopForm.While, null, condition, null, counted));
        var start = Code.Atom(count);
        if (context.Depth > 0)
        {
            forward.Add(Push(Stack.Ints, Code.Atom(count)));
            start = PopInt;
        }

        var iteration = Temp("_iteration");
        reverse.Add(comment);
        reverse.Add(new LoopNode(
            LoopForm.For,
            new DeclareNode("int", iteration, start),
            Code.Binary(Code.Atom(iteration), ">", Code.Number(0, NumKind.Int), Code.Relational),
            new AssignNode(Code.Atom(iteration), "--", null),
            bodyReverse));
    }

    private void EmitCountedFor(CountedForStmt loop, Context context, CommentNode comment, Block forward, Block reverse)
    {
        if (IndependentLoop(loop, context) is { } candidate)
        {
            EmitWithIterationAdjoints(loop, AccumulatorSeeds(candidate), context, comment, forward);
            return;
        }

        var recompute = RecomputesWhole(loop, context);
        var wholeRecord = recompute ? null : WholeRecord(loop);
        var scope = OpenLoop();
        var (bodyForward, bodyReverse) = EmitBlock(loop.Body, context.Enter(loop: true) with { Loop = scope });
        if (recompute)
        {
            context.Loop!.Recomputed.Add(comment);
            context.Loop.Recomputed.Add(PrimalLoop(loop, bodyForward));
        }

        bodyReverse = StartWithSlices(loop, StartWithRecomputed(scope, bodyReverse));
        bodyForward = StartWithSlices(loop, bodyForward);
        var start = ExpressionRenderer.Render(loop.Start);
        var end = ExpressionRenderer.Render(loop.End);
        var i = Code.Atom(loop.Index);
        forward.Add(comment);
        if (wholeRecord is not null)
        {
            forward.Add(new RecordAllNode(Stack.Values, wholeRecord));
        }

        forward.Add(ClearedBuffer(loop, bodyForward) ?? PrimalLoop(loop, bodyForward) with { Trips = Trips(loop), ConstantTrips = ConstantTrips(loop) });
        if (!bodyReverse.IsEmpty)
        {
            // The reverse visits the same indices the other way round.
            var one = Code.Number(1, NumKind.Int);
            var last = loop.Inclusive ? end : loop.Descending ? Code.Add(end, one) : Code.Sub(end, one);
            reverse.Add(comment);
            reverse.Add(ClearedRun(loop, bodyReverse) ?? new LoopNode(
                LoopForm.For,
                new DeclareNode("int", loop.Index, last),
                Code.Binary(i, loop.Descending ? "<=" : ">=", start, Code.Relational),
                new AssignNode(i, loop.Descending ? "++" : "--", null),
                bodyReverse));
        }

        if (wholeRecord is not null)
        {
            // After the loop's adjoint, which reads none of the buffer's old elements (the loop does not read it).
            if (bodyReverse.IsEmpty)
            {
                reverse.Add(comment);
            }

            reverse.Add(new RestoreAllNode(Stack.Values, wholeRecord));
        }
    }

    /// <summary>
    /// True when the reverse iterations of the loop around <paramref name="loop"/> run it again rather than record
    /// the buffer it overwrites (<see cref="AdjointPlan.RecomputesWhole(CountedForStmt)"/>); its store then records
    /// nothing. The second-order transformation records, as it does for <see cref="WholeRecord"/>.
    /// </summary>
    private bool RecomputesWhole(CountedForStmt loop, Context context)
    {
        if (_secondOrder || context.Loop is null || !_plan.RecomputesWhole(loop))
        {
            return false;
        }

        _recordedWhole.Add((AssignStmt)loop.Body[0]);
        return true;
    }

    /// <summary>
    /// The buffer a loop overwrites whole with its one statement (<c>for (int i = 0; i &lt; n; i++) b[i] = e;</c>, e not
    /// reading b) when the old elements must be recorded: then they are recorded in one copy before the loop and
    /// restored in one after its adjoint, not pushed and popped one by one. Null otherwise. The second-order
    /// transformation records element by element, with each element's tangent.
    /// </summary>
    private Code? WholeRecord(CountedForStmt loop)
    {
        if (_secondOrder || _plan.WholeOverwrite(loop) is not var (store, buffer)
            || buffer.ElementKind != NumKind.Double || _plan.RecoveryOf(store) != Recovery.Save)
        {
            return null;
        }

        _recordedWhole.Add(store);
        return Code.Atom(buffer.Name);
    }

    /// <summary>
    /// The adjoint of a loop that only stores values with no derivative at its counter (<c>for (int u = 0; u &lt;
    /// a.Length; u++) a[u] = 0.0;</c>, a buffer cleared or filled from data) only zeroes one adjoint element per
    /// iteration, each once: <c>LoopWindow.Clear(_da, 0, a.Length)</c> does it in one call instead of a reverse loop.
    /// Null for any other reverse body. First order only: the second-order transformation clears tangents alongside
    /// adjoints statement by statement.
    /// </summary>
    private Node? ClearedRun(CountedForStmt loop, Block bodyReverse)
    {
        if (_secondOrder || loop.Descending)
        {
            return null;
        }

        Code? cleared = null;
        var temporaries = new HashSet<string>();
        foreach (var node in bodyReverse)
        {
            switch (node)
            {
                case CommentNode:
                    break;
                case DeclareNode declare when !declare.Value.HasEffect:
                    // The adjoint read before it is zeroed (_g = _da[u]), to flow into a value with no derivative.
                    temporaries.Add(declare.Name);
                    break;
                case AssignNode { Op: "=", Value.IsZeroLiteral: true, Target: { Form: Code.Shape.Index } target }
                    when cleared is null && target.Parts[1].SameAs(Code.Atom(loop.Index)):
                    cleared = target;
                    break;
                default:
                    return null;
            }
        }

        if (cleared is null || cleared.Names.Any(temporaries.Contains))
        {
            return null;
        }

        return ClearOfRun(cleared.Op, loop);
    }

    /// <summary>
    /// A loop that sets a local buffer to zero whole (<c>for (int u = 0; u &lt; a.Length; u++) a[u] = 0.0;</c>) and
    /// records nothing element by element runs as one <c>LoopWindow.Clear(a, 0, a.Length)</c>: the same stores, as one
    /// memset rather than a loop the JIT compiles element by element. Only a buffer the method declares (nothing the
    /// caller sees) and positive zero. Null otherwise. First order only: the second-order transformation writes each
    /// store's tangent.
    /// </summary>
    private Node? ClearedBuffer(CountedForStmt loop, Block bodyForward)
    {
        if (_secondOrder || loop.Descending
            || _plan.WholeOverwrite(loop) is not var (store, buffer)
            || store is not { Op: "=", Value: ConstExpr { Value: var zero } }
            || System.BitConverter.DoubleToInt64Bits(zero) != 0
            || !bodyForward.All(node => node is CommentNode || node is AssignNode { Op: "=" } assign && assign.Target.Form == Code.Shape.Index))
        {
            return null;
        }

        return ClearOfRun(buffer.Name, loop);
    }

    /// <summary><c>LoopWindow.Clear(buffer, start, trips)</c>: zero over the elements the ascending <paramref name="loop"/> visits.</summary>
    private static ExpressionNode ClearOfRun(string buffer, CountedForStmt loop) => new(Code.Call(
        "global::AutoDiff.CompilerServices.LoopWindow.Clear",
        Code.Atom(buffer),
        ExpressionRenderer.Render(loop.Start),
        Trips(loop)));

    /// <summary>The counted loop as the source runs it, over <paramref name="body"/>.</summary>
    private static LoopNode PrimalLoop(CountedForStmt loop, Block body)
    {
        var i = Code.Atom(loop.Index);
        return new LoopNode(
            LoopForm.For,
            new DeclareNode("int", loop.Index, ExpressionRenderer.Render(loop.Start)),
            Code.Binary(i, loop.Descending ? (loop.Inclusive ? ">=" : ">") : (loop.Inclusive ? "<=" : "<"), ExpressionRenderer.Render(loop.End), Code.Relational),
            new AssignNode(i, loop.Descending ? "--" : "++", null),
            body);
    }

    private static long? ConstantTrips(CountedForStmt loop) =>
        loop is { Start: ConstExpr start, End: ConstExpr end }
            ? System.Math.Max(0, (long)(loop.Descending ? start.Value - end.Value : end.Value - start.Value) + (loop.Inclusive ? 1 : 0))
            : null;

    /// <summary>How many times the loop runs, as code evaluated just before it.</summary>
    private static Code Trips(CountedForStmt loop)
    {
        var (from, to) = loop.Descending ? (loop.End, loop.Start) : (loop.Start, loop.End);
        var inclusive = loop.Inclusive;
        if (inclusive && to is BinaryExpr { Op: "-", Right: ConstExpr { Value: 1 } } last)
        {
            // i = n - 1 down to 0 runs n times
            (to, inclusive) = (last.Left, false);
        }

        var span = from is ConstExpr { Value: 0 } ? ExpressionRenderer.Render(to) : Code.Sub(ExpressionRenderer.Render(to), ExpressionRenderer.Render(from));
        return inclusive ? Code.Add(span, Code.Number(1, NumKind.Int)) : span;
    }

    /// <summary>A push onto one of the value stacks.</summary>
    private static PushNode Push(Stack stack, Code value) => new(stack, value);

    /// <summary>
    /// When a statement stores exp/tanh/sqrt/cbrt of something, the derivative needs exactly that output, which
    /// the target still holds before it is restored: read it instead of computing the function again. A stored
    /// ReLU-style max/min is read back too, to tell which argument it picked (see Activity.ChoosesByOutput).
    /// </summary>
    private void RememberOutput(Expr value, NumKind targetKind, Code target, Block adjoint, bool copy)
    {
        if (Activity.StoresReadableOutput(value, targetKind) && Activity.IsActive(value, _varied))
        {
            var output = copy ? Temp("_t", targetKind, target, adjoint) : target;
            if (value is ConditionalExpr conditional)
            {
                // Only the max arm's derivative reads it, inside the branch where that arm ran.
                foreach (var arm in new[] { conditional.WhenTrue, conditional.WhenFalse }.Where(Activity.ChoosesByOutput))
                {
                    _knownValues[arm] = output;
                }
            }
            else
            {
                _knownValues[value] = output;
            }
        }
    }


    /// <summary>Records the current value of <paramref name="target"/> before it is overwritten; returns the statement that restores it.</summary>
    private Node Save(string name, NumKind kind, Code target, Context context, Block forward)
    {
        if (context.Depth > 0)
        {
            if (kind.IsFloating())
            {
                forward.Add(Push(Stack.Values, target));
                return new AssignNode(target, "=", kind == NumKind.Double ? PopValue : Code.Cast(NumKind.Float, PopValue));
            }

            var one = Code.Number(1, NumKind.Int);
            var zero = Code.Number(0, NumKind.Int);
            forward.Add(Push(Stack.Ints, kind == NumKind.Bool ? Code.Choose(target, one, zero) : target));
            return new AssignNode(target, "=", kind == NumKind.Bool ? Code.Binary(PopInt, "!=", zero, Code.Equality) : PopInt);
        }

        _versions.TryGetValue(name, out var version);
        _versions[name] = version + 1;
        var saved = Fresh(name + "_" + version);
        if (context.Nested)
        {
            Hoist(kind, saved);
            forward.Assign(Code.Atom(saved), "=", target);
        }
        else
        {
            forward.Declare(kind.Keyword(), saved, target);
        }

        return new AssignNode(target, "=", Code.Atom(saved));
    }

    private static void AddRestore(Node? restore, Block adjoint)
    {
        if (restore is not null)
        {
            adjoint.Add(restore);
        }
    }

    private void Hoist(NumKind kind, string name)
    {
        if (_hoistedNames.Add(name))
        {
            _hoisted.Declare(kind.Keyword(), name, Code.Number(0, kind));
        }
    }

    /// <summary>A numbered generated name (<c>_g1</c>, <c>_branch2</c>) that no source name uses.</summary>
    private string Temp(string stem)
    {
        string name;
        do
        {
            name = stem + (++_tempCounter);
        }
        while (!_usedNames.Add(name));
        return name;
    }

    private string Fresh(string stem)
    {
        var name = stem;
        for (var i = 2; !_usedNames.Add(name); i++)
        {
            name = stem + "_" + i;
        }

        return name;
    }
}
