using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using AutoDiff.Generator.Diagnostics;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Rules;
using AutoDiff.Generator.Analysis;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Lowering;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoDiff.Generator.Parsing;

/// <summary>Turns a method body into the statement/expression model, renaming locals so each declared name is unique.</summary>
internal sealed partial class BodyParser
{
    private readonly SemanticModel _model;
    private readonly IMethodSymbol _method;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<ISymbol, string> _names = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> _usedNames = new();
    private readonly HashSet<ISymbol> _buffers = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, Slice> _slices = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, ExpressionSyntax> _localFunctions = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IParameterSymbol, Expr> _arguments = new(SymbolEqualityComparer.Default);
    private readonly HashSet<IMethodSymbol> _inlining = new(SymbolEqualityComparer.Default);
    private readonly string? _output;
    private int _syntheticCounter;

    /// <param name="output">The output span parameter of a vector-valued method: the one parameter the body may write.</param>
    public BodyParser(SemanticModel model, IMethodSymbol method, IEnumerable<string> reservedNames, CancellationToken cancellationToken, string? output = null)
    {
        _model = model;
        _output = output;
        _method = method;
        _cancellationToken = cancellationToken;
        foreach (var name in reservedNames)
        {
            _usedNames.Add(name);
        }
    }

    /// <summary>
    /// Floating-point arguments (values, sequences, views) passed to [NoDerivative] parameters of differentiable
    /// callees, with where they stand: the method's parser warns (AD0014) about those that turn out to vary.
    /// </summary>
    public List<(Expr Argument, LocationInfo? Location, string Parameter, string Callee)> PassiveArguments { get; } = new();

    public EquatableArray<Stmt> ParseBody(MethodDeclarationSyntax syntax)
    {
        if (syntax.ExpressionBody is { } arrow)
        {
            var guarded = new List<Stmt>();
            GuardThrowingSwitch(arrow.Expression, guarded);
            guarded.Add(new ReturnStmt(ParseExpr(arrow.Expression), LineOf(arrow.Expression), "return " + OneLine(arrow.Expression) + ";"));
            return guarded.ToEquatableArray();
        }

        foreach (var local in syntax.Body!.DescendantNodes().OfType<LocalFunctionStatementSyntax>())
        {
            if (InlinableBody(local) is { } body && _model.GetDeclaredSymbol(local, _cancellationToken) is IMethodSymbol symbol)
            {
                _localFunctions[symbol] = body;
            }
        }

        var statements = ParseBlock(syntax.Body!.Statements);
        if (!_method.ReturnsVoid && !ReturnsOnSomePath(statements))
        {
            var at = (SyntaxNode?)syntax.Body.DescendantNodes().OfType<ThrowStatementSyntax>().FirstOrDefault() ?? syntax.Body;
            throw NotSupported("a body that never returns", "it always throws or never leaves a loop, so there is no value to differentiate", at);
        }

        var returnKind = TypeClassifier.Scalar(_method.ReturnType) is { } kind && kind.IsFloating() ? kind : (NumKind?)null;
        if (returnKind is not null)
        {
            statements = LoopReturns.Lower(statements, returnKind.Value, Fresh);
        }

        return JumpFlags.Lower(statements, returnKind, Fresh);
    }

    /// <summary>
    /// True when a <c>return</c> stands before the first <c>throw</c> at the top level of the body (in program order,
    /// nested ones included): a body without one always throws there, or never leaves a loop.
    /// </summary>
    private static bool ReturnsOnSomePath(EquatableArray<Stmt> body)
    {
        foreach (var statement in body)
        {
            if (Normalizer.Walk(statement).Any(s => s is ReturnStmt))
            {
                return true;
            }

            if (statement is PassiveStmt { EndsPath: true })
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The value expression of a local function that can be differentiated in place, where it is called: scalar
    /// parameters and result, and a body that is one expression (<c>=&gt; v * v</c> or <c>{ return v * v; }</c>).
    /// </summary>
    private ExpressionSyntax? InlinableBody(LocalFunctionStatementSyntax local)
    {
        var body = local.ExpressionBody?.Expression
            ?? (local.Body is { Statements.Count: 1 } block && block.Statements[0] is ReturnStatementSyntax { Expression: { } value } ? value : null);
        var scalar = local.ParameterList.Parameters.All(p => p.Modifiers.Count == 0 && p.Default is null
                && _model.GetDeclaredSymbol(p, _cancellationToken) is { } parameter && TypeClassifier.Scalar(parameter.Type) is not null)
            && _model.GetDeclaredSymbol(local, _cancellationToken) is IMethodSymbol { IsGenericMethod: false, IsAsync: false } method
            && TypeClassifier.Scalar(method.ReturnType) is not null;
        return scalar ? body : null;
    }

    private EquatableArray<Stmt> ParseBlock(IEnumerable<StatementSyntax> statements)
    {
        var list = new List<Stmt>();
        foreach (var statement in statements)
        {
            ParseStatement(statement, list);
        }

        return list.ToEquatableArray();
    }

    private EquatableArray<Stmt> ParseEmbedded(StatementSyntax statement)
    {
        var list = new List<Stmt>();
        ParseStatement(statement, list);
        return list.ToEquatableArray();
    }

    private void ParseStatement(StatementSyntax statement, List<Stmt> output)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        GuardThrowingSwitch(statement switch
        {
            ReturnStatementSyntax ret => ret.Expression,
            LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } declaration => declaration.Declaration.Variables[0].Initializer?.Value,
            ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax } assignment } => assignment.Right,
            _ => null,
        }, output);
        if (!TryParseWithSteps(statement, output))
        {
            ParseStatementItself(statement, output);
        }
    }

    private void ParseStatementItself(StatementSyntax statement, List<Stmt> output)
    {
        var line = LineOf(statement);
        switch (statement)
        {
            case BlockSyntax block:
                foreach (var inner in block.Statements)
                {
                    ParseStatement(inner, output);
                }

                break;
            case EmptyStatementSyntax:
                break;
            case LocalDeclarationStatementSyntax declaration:
                foreach (var variable in declaration.Declaration.Variables)
                {
                    if (!TryParseSlice(variable, line, OneLine(statement), output)
                        && !TryParseListedBuffer(variable, line, OneLine(statement), output)
                        && !TryParseCopiedBuffer(variable, line, OneLine(statement), output))
                    {
                        output.Add(ParseDeclarator(variable, line, OneLine(statement)));
                    }
                }

                break;
            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: TupleExpressionSyntax or DeclarationExpressionSyntax } deconstruction }:
                ParseDeconstruction(deconstruction, line, OneLine(statement), output);
                break;
            case ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call } when SpanCallOf(call) is { } spanCall:
                ParseSpanCall(call, spanCall, line, OneLine(statement), output);
                break;
            case ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call } when ArrayCallOf(call) is { } arrayCall:
                ParseSpanCall(call, arrayCall, line, OneLine(statement), output);
                break;
            case ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call } when PassiveCall(call, line, OneLine(statement)) is { } passive:
                output.Add(passive);
                break;
            case ExpressionStatementSyntax expressionStatement:
                output.Add(ParseExpressionStatement(expressionStatement.Expression, line, OneLine(statement)));
                break;
            case IfStatementSyntax ifStatement:
                output.Add(new IfStmt(
                    ParseExpr(ifStatement.Condition),
                    ParseEmbedded(ifStatement.Statement),
                    ifStatement.Else is { } elseClause ? ParseEmbedded(elseClause.Statement) : EquatableArray<Stmt>.Empty,
                    line,
                    "if (" + OneLine(ifStatement.Condition) + ")"));
                break;
            case WhileStatementSyntax whileStatement when TryParseSteppingWhile(whileStatement, line, output):
                break;
            case WhileStatementSyntax whileStatement:
                output.Add(new WhileStmt(ParseExpr(whileStatement.Condition), ParseEmbedded(whileStatement.Statement), false, line, "while (" + OneLine(whileStatement.Condition) + ")"));
                break;
            case DoStatementSyntax doStatement when TryParseSteppingDo(doStatement, line, output):
                break;
            case DoStatementSyntax doStatement:
                output.Add(new WhileStmt(ParseExpr(doStatement.Condition), ParseEmbedded(doStatement.Statement), true, line, "do … while (" + OneLine(doStatement.Condition) + ")"));
                break;
            case ForStatementSyntax forStatement:
                output.Add(ParseFor(forStatement, line));
                break;
            case ForEachStatementSyntax forEach:
                output.Add(ParseForEach(forEach, line));
                break;
            case ReturnStatementSyntax { Expression: { } value }:
                output.Add(new ReturnStmt(ParseExpr(value), line, OneLine(statement)));
                break;
            case BreakStatementSyntax:
                output.Add(new BreakStmt(line, "break;"));
                break;
            case ContinueStatementSyntax:
                output.Add(new ContinueStmt(line, "continue;"));
                break;
            case ThrowStatementSyntax thrown:
                output.Add(ParseThrow(thrown.Expression, thrown, line));
                break;
            case SwitchStatementSyntax switchStatement:
                ParseSwitch(switchStatement, line, output);
                break;
            case LocalFunctionStatementSyntax local when _model.GetDeclaredSymbol(local, _cancellationToken) is IMethodSymbol symbol && _localFunctions.ContainsKey(symbol):
                // Differentiated where it is called (see ParseInvocation).
                break;
            case LocalFunctionStatementSyntax:
                throw Fallback("it declares a local function whose body is more than one expression", statement);
            default:
                throw NotSupported("'" + Describe(statement) + "' statement", "rewrite it with assignments, if/else and loops", statement);
        }
    }

    /// <summary>
    /// A buffer with its elements listed: <c>double[] v = { a, b }</c>, <c>new double[] { … }</c>, <c>new[] { … }</c>,
    /// <c>stackalloc double[] { … }</c>, <c>stackalloc[] { … }</c> or a collection expression <c>[a, b]</c>: a buffer of
    /// that many elements (an array for an array local, else on the stack), then a store of each value in order, as
    /// C# evaluates and stores them. False for anything else (a spread in a collection expression included).
    /// </summary>
    private bool TryParseListedBuffer(VariableDeclaratorSyntax variable, int line, string source, List<Stmt> output)
    {
        var local = (ILocalSymbol)_model.GetDeclaredSymbol(variable, _cancellationToken)!;
        if (TypeClassifier.FloatingSequence(local.Type) is not { } elementKind || variable.Initializer?.Value is not { } value)
        {
            return false;
        }

        IReadOnlyList<ExpressionSyntax>? elements = value switch
        {
            InitializerExpressionSyntax list => list.Expressions,
            ArrayCreationExpressionSyntax { Initializer: { } list } => list.Expressions,
            ImplicitArrayCreationExpressionSyntax creation => creation.Initializer.Expressions,
            StackAllocArrayCreationExpressionSyntax { Initializer: { } list } => list.Expressions,
            ImplicitStackAllocArrayCreationExpressionSyntax creation => creation.Initializer.Expressions,
            CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax) =>
                collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
            _ => null,
        };
        if (elements is null)
        {
            return false;
        }

        _buffers.Add(local);
        var name = Declare(local);
        output.Add(new BufferStmt(name, elementKind, new ConstExpr(elements.Count, NumKind.Int), local.Type is not IArrayTypeSymbol, line, source));
        for (var i = 0; i < elements.Count; i++)
        {
            output.Add(new AssignStmt(new IndexExpr(name, new ConstExpr(i, NumKind.Int), elementKind), "=", Convert(ParseExpr(elements[i]), elementKind), line, source));
        }

        return true;
    }

    /// <summary>
    /// <c>double[] b = x.ToArray();</c> (also <c>Span&lt;double&gt; b = row.ToArray();</c>) of a parameter, a local
    /// buffer, a table or a view: a new buffer of that length, then a copy of each element in order, as
    /// <c>ToArray</c> makes. False for anything else.
    /// </summary>
    private bool TryParseCopiedBuffer(VariableDeclaratorSyntax variable, int line, string source, List<Stmt> output)
    {
        var local = (ILocalSymbol)_model.GetDeclaredSymbol(variable, _cancellationToken)!;
        if (TypeClassifier.FloatingSequence(local.Type) is not { } kind
            || variable.Initializer?.Value is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: "ToArray", Expression: var receiver } } call
            || _model.GetSymbolInfo(call, _cancellationToken).Symbol is not IMethodSymbol method
            || !(TypeClassifier.IsSpanMethod(method) || method.ContainingType?.ToDisplayString() == "System.Linq.Enumerable"))
        {
            return false;
        }

        var view = SliceOf(receiver);
        var from = view is null ? ReadableSequenceName(receiver) : null;
        if (view is null && from is null)
        {
            if (SliceParts(receiver) is not var (viewed, start, length))
            {
                return false;
            }

            // x[a..b].ToArray(), x.Slice(a, n).ToArray(): the view's start and checked length, once.
            view = DeclareView(viewed, start, length, Fresh("start"), Fresh("length"), kind, writable: false, line, source, output);
        }

        _buffers.Add(local);
        var name = Declare(local);
        output.Add(new BufferStmt(name, kind, view?.LengthRead ?? new LengthExpr(from!), false, line, source));
        var index = Fresh("i");
        Expr at = new VarExpr(index, NumKind.Int);
        var value = view?.Element(at) ?? new IndexExpr(from!, at, kind);
        output.Add(CountedLoop(index, new LengthExpr(name), EquatableArray.Of<Stmt>(new AssignStmt(new IndexExpr(name, at, kind), "=", value, line, source)), line, source));
        return true;
    }

    private Stmt ParseDeclarator(VariableDeclaratorSyntax variable, int line, string source)
    {
        var local = (ILocalSymbol)_model.GetDeclaredSymbol(variable, _cancellationToken)!;
        if (local.Type.TypeKind == TypeKind.Delegate)
        {
            throw Fallback("it uses a lambda ('" + local.Name + "')", variable);
        }

        if (TypeClassifier.Scalar(local.Type) is { } kind)
        {
            var name = Declare(local);
            var value = variable.Initializer is { } init ? ParseExpr(init.Value) : null;
            return new DeclareStmt(name, kind, value, line, source);
        }

        if (TypeClassifier.FloatingSequence(local.Type) is { } elementKind && variable.Initializer is { } initializer)
        {
            var length = initializer.Value switch
            {
                StackAllocArrayCreationExpressionSyntax { Type: ArrayTypeSyntax stackType } => SingleRank(stackType),
                ArrayCreationExpressionSyntax { Initializer: null } creation => SingleRank(creation.Type),
                _ => null,
            };
            if (length is not null)
            {
                _buffers.Add(local);
                return new BufferStmt(Declare(local), elementKind, ParseExpr(length), initializer.Value is StackAllocArrayCreationExpressionSyntax, line, source);
            }

            if (StackWhenSmall(initializer.Value) is var (condition, sameLength))
            {
                _buffers.Add(local);
                return new BufferStmt(Declare(local), elementKind, ParseExpr(sameLength), true, line, source, condition);
            }
        }

        // A list, stack, queue or dictionary of numbers is something the runtime tape holds (as Values).
        if (local.Type is INamedTypeSymbol { IsGenericType: true } collection && TypeClassifier.IsCollectionType(collection) && TypeClassifier.InvolvesFloating(collection))
        {
            throw Fallback("it keeps numbers in a '" + collection.Name + "' ('" + local.Name + "')", variable);
        }

        // A buffer of ints (a permutation, indices) holds no derivative; the tape runs it as written.
        if (TypeClassifier.SequenceElement(local.Type) is NumKind.Int or NumKind.Bool)
        {
            throw Fallback("it keeps ints in the buffer '" + local.Name + "'", variable);
        }

        throw NotSupported(
            "local '" + local.Name + "' of type '" + local.Type.ToDisplayString() + "'",
            "use double, float, int or bool locals, or a buffer 'stackalloc double[n]' / 'new double[n]'",
            variable);
    }

    /// <summary>
    /// <c>c ? stackalloc double[n] : new double[n]</c> (or the other way round), one length on both sides: the
    /// condition under which the buffer is on the stack, and the length. Null for anything else.
    /// </summary>
    private (Expr Condition, ExpressionSyntax Length)? StackWhenSmall(ExpressionSyntax value)
    {
        if (value is not ConditionalExpressionSyntax choice)
        {
            return null;
        }

        var (onStack, onHeap, stackWhenTrue) = choice.WhenTrue is StackAllocArrayCreationExpressionSyntax
            ? (choice.WhenTrue, choice.WhenFalse, true)
            : (choice.WhenFalse, choice.WhenTrue, false);
        if (onStack is not StackAllocArrayCreationExpressionSyntax { Type: ArrayTypeSyntax stackType }
            || onHeap is not ArrayCreationExpressionSyntax { Initializer: null } creation
            || SingleRank(stackType) is not { } stackLength
            || SingleRank(creation.Type) is not { } heapLength
            || !SyntaxFactory.AreEquivalent(stackLength, heapLength))
        {
            return null;
        }

        var condition = ParseExpr(choice.Condition);
        return (stackWhenTrue ? condition : new UnaryExpr("!", condition, NumKind.Bool), stackLength);
    }

    private static ExpressionSyntax? SingleRank(ArrayTypeSyntax type) =>
        type.RankSpecifiers.Count == 1 && type.RankSpecifiers[0].Sizes.Count == 1 && type.RankSpecifiers[0].Sizes[0] is not OmittedArraySizeExpressionSyntax
            ? type.RankSpecifiers[0].Sizes[0]
            : null;

    private Stmt ParseExpressionStatement(ExpressionSyntax expression, int line, string source)
    {
        switch (expression)
        {
            case AssignmentExpressionSyntax assignment:
                var op = assignment.Kind() switch
                {
                    SyntaxKind.SimpleAssignmentExpression => "=",
                    SyntaxKind.AddAssignmentExpression => "+=",
                    SyntaxKind.SubtractAssignmentExpression => "-=",
                    SyntaxKind.MultiplyAssignmentExpression => "*=",
                    SyntaxKind.DivideAssignmentExpression => "/=",
                    _ => null,
                };
                if (op is null)
                {
                    return IntegerCompound(assignment, line, source);
                }

                return new AssignStmt(ParseTarget(assignment.Left), op, ParseExpr(assignment.Right), line, source);
            case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression):
                return Step(postfix.Operand, postfix.IsKind(SyntaxKind.PostIncrementExpression), line, source);
            case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                return Step(prefix.Operand, prefix.IsKind(SyntaxKind.PreIncrementExpression), line, source);
            default:
                throw NotSupported("expression statement '" + OneLine(expression) + "'", "only assignments, ++ and -- can stand alone in a differentiable body", expression);
        }
    }

    /// <summary>
    /// A view into a sequence: <paramref name="Base"/>'s elements from the int local <paramref name="Start"/> on,
    /// <paramref name="Length"/> (an int local) of them; <paramref name="Writable"/> when it is a <c>Span</c> over a
    /// local buffer (or the output), which the body may write through.
    /// </summary>
    private sealed record Slice(string Base, string Start, string Length, NumKind ElementKind, bool Writable = false)
    {
        /// <summary><c>row.Length</c>.</summary>
        public Expr LengthRead => new VarExpr(Length, NumKind.Int);

        /// <summary><c>row[index]</c>: the element of what it views, from its start (the index unchecked).</summary>
        public IndexExpr Element(Expr index) => new(Base, Plus(new VarExpr(Start, NumKind.Int), index), ElementKind);
    }

    /// <summary>
    /// <c>ReadOnlySpan&lt;double&gt; row = x.Slice(start, length);</c> (or <c>x.Slice(start)</c>, <c>x[a..b]</c>,
    /// <c>x[a..]</c>, <c>x[..b]</c>) over a span or array parameter, a local buffer, a table or another such slice:
    /// the view is not a new sequence but two int locals, where it starts and how long it is, checked as
    /// <c>Slice</c> checks them (<c>LoopWindow.SliceLength</c>); <c>row[i]</c> then reads <c>x[rowStart + i]</c>
    /// and <c>row.Length</c> is <c>rowLength</c>. A <c>Span</c> view of a local buffer (or of a vector-valued
    /// method's output) is writable: <c>part[i] = v</c> stores into <c>a[partStart + i]</c>. A view assigned again is
    /// not taken (AD0004).
    /// </summary>
    /// <returns>False when the declaration is not such a view.</returns>
    private bool TryParseSlice(VariableDeclaratorSyntax variable, int line, string source, List<Stmt> output)
    {
        var local = (ILocalSymbol)_model.GetDeclaredSymbol(variable, _cancellationToken)!;
        if (local.Type is not INamedTypeSymbol { Name: "ReadOnlySpan" or "Span", ContainingNamespace.Name: "System" } spanType
            || TypeClassifier.SequenceElement(local.Type) is not { } elementKind
            || variable.Initializer?.Value is not { } value
            || SliceParts(value) is not var (viewed, start, length))
        {
            return false;
        }

        var writable = spanType.Name == "Span";
        if (writable && !IsWritable(viewed))
        {
            throw NotSupported("a writable view of '" + OneLine(viewed) + "'", "only a local buffer (or a writable view of one) can be written through a view; declare it ReadOnlySpan", variable);
        }

        _slices[local] = DeclareView(viewed, start, length, Unique(local.Name + "Start"), Unique(local.Name + "Length"), elementKind, writable, line, source, output);
        return true;
    }

    /// <summary>
    /// A view of <paramref name="viewed"/> kept as two int locals, its checked length and its start, declared in that
    /// order (the order <c>Slice</c> checks and takes them in).
    /// </summary>
    private Slice DeclareView(
        ExpressionSyntax viewed, ExpressionSyntax? start, (ExpressionSyntax Value, bool IsEnd)? length,
        string startName, string lengthName, NumKind elementKind, bool writable, int line, string source, List<Stmt> output)
    {
        var view = ViewOf(viewed, start, length);
        output.Add(new DeclareStmt(lengthName, NumKind.Int, view.CheckedLength, line, source));
        output.Add(new DeclareStmt(startName, NumKind.Int, view.Start, line, source));
        return new Slice(view.Base, startName, lengthName, elementKind, writable);
    }

    /// <summary>True when the body may write into <paramref name="sequence"/>: a local buffer, the output span, or a writable view of one.</summary>
    private bool IsWritable(ExpressionSyntax sequence) =>
        _model.GetSymbolInfo(sequence, _cancellationToken).Symbol switch
        {
            ILocalSymbol local when _buffers.Contains(local) => true,
            IParameterSymbol { Name: var name } => name == _output,
            _ => SliceOf(sequence) is { Writable: true },
        };

    /// <summary>
    /// What a view of <paramref name="viewed"/> reads: the sequence underneath (through views of views), where the
    /// view starts in it, and the view's length as <c>Slice</c> checks it (<c>LoopWindow.SliceLength</c>, which
    /// throws where <c>Slice</c> throws).
    /// </summary>
    private (string Base, Expr Start, Expr CheckedLength) ViewOf(ExpressionSyntax viewed, ExpressionSyntax? start, (ExpressionSyntax Value, bool IsEnd)? length)
    {
        string baseName;
        Expr offset;
        Expr baseLength;
        if (SliceOf(viewed) is { } outer)
        {
            baseName = outer.Base;
            offset = new VarExpr(outer.Start, NumKind.Int);
            baseLength = outer.LengthRead;
        }
        else if (ReadableSequenceName(viewed) is { } sequence)
        {
            baseName = sequence;
            offset = new ConstExpr(0, NumKind.Int);
            baseLength = new LengthExpr(sequence);
        }
        else
        {
            throw NotSupported("a view of '" + OneLine(viewed) + "'", "slice a span/array parameter, a local buffer or a static readonly array", viewed);
        }

        var startValue = start is null ? new ConstExpr(0, NumKind.Int) : ParsePosition(start, baseLength);
        Expr lengthValue = length switch
        {
            null => new BinaryExpr("-", baseLength, startValue, NumKind.Int),
            (var end, true) => start is null ? ParsePosition(end, baseLength) : new BinaryExpr("-", ParsePosition(end, baseLength), startValue, NumKind.Int),
            (var count, false) => ParseExpr(count),
        };
        var checkedLength = new PlainCallExpr("global::AutoDiff.CompilerServices.LoopWindow.SliceLength", EquatableArray.Of(baseLength, startValue, lengthValue), NumKind.Int);
        return (baseName, Plus(offset, startValue), checkedLength);
    }

    /// <summary>
    /// A view passed to a helper's span parameter: a view local (<c>row</c>), or one taken in the call
    /// (<c>w.Slice(o, n)</c>, <c>x[a..b]</c>, <c>buffer.AsSpan(o, n)</c>). Null when <paramref name="argument"/> is no
    /// view. A view of a table is not taken, as a table is not (pass it in as a parameter).
    /// </summary>
    private ViewArgExpr? ViewArgument(ExpressionSyntax argument)
    {
        ViewArgExpr view;
        if (SliceOf(argument) is { } slice)
        {
            view = new ViewArgExpr(slice.Base, new VarExpr(slice.Start, NumKind.Int), slice.LengthRead, slice.ElementKind);
        }
        else if (SliceParts(argument) is var (viewed, start, length)
                 && TypeClassifier.SequenceElement(_model.GetTypeInfo(viewed, _cancellationToken).Type) is { } elementKind)
        {
            var (baseName, startValue, checkedLength) = ViewOf(viewed, start, length);
            view = new ViewArgExpr(baseName, startValue, checkedLength, elementKind);
        }
        else
        {
            return null;
        }

        return IsTable(view.Base)
            ? throw NotSupported("passing a view of the table '" + view.Base + "'", "a table is not a call argument; pass it in as a parameter", argument)
            : view;
    }

    /// <summary>
    /// A position in a sequence of <paramref name="length"/> elements: an int, or <c>^e</c> counted from the end, which
    /// C# reads as <c>length - e</c> on a span or an array (the indexer then checks the result as for any index).
    /// </summary>
    private Expr ParsePosition(ExpressionSyntax position, Expr length) =>
        position is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.IndexExpression } fromEnd
            ? new BinaryExpr("-", length, ParseExpr(fromEnd.Operand), NumKind.Int)
            : ParseExpr(position);

    /// <summary>The viewed expression, the start (null: 0) and the length (null: to the end; an end when the flag is set).</summary>
    private (ExpressionSyntax Viewed, ExpressionSyntax? Start, (ExpressionSyntax Value, bool IsEnd)? Length)? SliceParts(ExpressionSyntax value)
    {
        switch (value)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: "Slice" } member } call
                when call.ArgumentList.Arguments.Count is 1 or 2
                     && _model.GetSymbolInfo(call, _cancellationToken).Symbol is IMethodSymbol method
                     && TypeClassifier.IsSpanMethod(method):
                var arguments = call.ArgumentList.Arguments;
                RequirePositional(method, arguments, call);
                return (member.Expression, arguments[0].Expression, arguments.Count == 2 ? (arguments[1].Expression, false) : null);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: "AsSpan" } member } call
                when call.ArgumentList.Arguments.Count <= 2
                     && _model.GetSymbolInfo(call, _cancellationToken).Symbol is IMethodSymbol method
                     && TypeClassifier.IsSpanMethod(method)
                     && _model.GetTypeInfo(member.Expression, _cancellationToken).Type is IArrayTypeSymbol
                     && _model.GetSymbolInfo(member.Expression, _cancellationToken).Symbol is var asSpanned
                     && (asSpanned is ILocalSymbol array && _buffers.Contains(array) || asSpanned is IParameterSymbol || asSpanned is IFieldSymbol { IsStatic: true, IsReadOnly: true }):
                // a.AsSpan(), .AsSpan(start), .AsSpan(start, length), .AsSpan(a..b) on a local array, an array parameter or a
                // table: a view, not a copy.
                var spanArguments = call.ArgumentList.Arguments;
                RequirePositional(method, spanArguments, call);
                if (spanArguments.Count == 1 && spanArguments[0].Expression is RangeExpressionSyntax spanRange)
                {
                    return (member.Expression, spanRange.LeftOperand, spanRange.RightOperand is { } spanEnd ? (spanEnd, true) : null);
                }

                if (spanArguments.Any(a => TypeClassifier.Scalar(_model.GetTypeInfo(a.Expression, _cancellationToken).Type) != NumKind.Int))
                {
                    return null;
                }

                return (member.Expression, spanArguments.Count > 0 ? spanArguments[0].Expression : null, spanArguments.Count == 2 ? (spanArguments[1].Expression, false) : null);
            case ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } element when element.ArgumentList.Arguments[0].Expression is RangeExpressionSyntax range:
                if (_model.GetTypeInfo(element.Expression, _cancellationToken).Type is IArrayTypeSymbol
                    && _model.GetSymbolInfo(element.Expression, _cancellationToken).Symbol is var viewedSymbol
                    && (viewedSymbol is ILocalSymbol local && _buffers.Contains(local) || viewedSymbol is IParameterSymbol { Name: var output } && output == _output))
                {
                    // C# copies an array for a range, so the copy keeps the elements of the moment while the body goes on
                    // writing the array; a view would follow the writes.
                    throw NotSupported(
                        "a range of the array '" + OneLine(element) + "'",
                        "a range copies an array that the body may write later; view it with " + OneLine(element.Expression) + ".AsSpan(" + OneLine(range) + ")",
                        element);
                }

                return (element.Expression, range.LeftOperand, range.RightOperand is { } end ? (end, true) : null);
            case IdentifierNameSyntax whole when ReadableSequenceName(whole) is not null || SliceOf(whole) is not null:
                // The whole of a sequence or a view under another name (an array converts to a span without a copy).
                return (whole, null, null);
            default:
                return null;
        }
    }

    private Slice? SliceOf(ExpressionSyntax expression) =>
        _model.GetSymbolInfo(expression, _cancellationToken).Symbol is ILocalSymbol local && _slices.TryGetValue(local, out var slice) ? slice : null;

    /// <summary>
    /// <c>row[i]</c> as <c>x[rowStart + i]</c>. An index the slice's bounds do not already hold (anything but the
    /// counter of <c>for (int i = 0; i &lt; row.Length; i++)</c> that the body leaves alone) is checked against them
    /// first (<c>LoopWindow.SliceIndex</c>), so reading past the view throws where the source throws, even inside
    /// what it views.
    /// </summary>
    private Expr SliceElement(ElementAccessExpressionSyntax element, Slice slice)
    {
        var indexSyntax = element.ArgumentList.Arguments[0].Expression;
        var index = ParsePosition(indexSyntax, slice.LengthRead);
        if (!CountsOver(indexSyntax, element.Expression))
        {
            index = new PlainCallExpr("global::AutoDiff.CompilerServices.LoopWindow.SliceIndex", EquatableArray.Of(index, slice.LengthRead), NumKind.Int);
        }

        return slice.Element(index);
    }

    /// <summary>True when <paramref name="index"/> is the counter of an enclosing <c>for (int i = 0; i &lt; view.Length; i++)</c> that its body does not write.</summary>
    private bool CountsOver(ExpressionSyntax index, ExpressionSyntax view)
    {
        if (index is not IdentifierNameSyntax || _model.GetSymbolInfo(index, _cancellationToken).Symbol is not ILocalSymbol counter)
        {
            return false;
        }

        var viewSymbol = _model.GetSymbolInfo(view, _cancellationToken).Symbol;
        var loop = index.Ancestors().OfType<ForStatementSyntax>().FirstOrDefault(f =>
            f.Declaration?.Variables.Count == 1 && SymbolEqualityComparer.Default.Equals(_model.GetDeclaredSymbol(f.Declaration.Variables[0], _cancellationToken), counter));
        return loop is
            {
                Condition: BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LessThanExpression, Left: IdentifierNameSyntax left, Right: MemberAccessExpressionSyntax { Name.Identifier.Text: "Length" } bound },
                Incrementors.Count: 1,
            }
            && loop.Declaration!.Variables[0].Initializer?.Value is LiteralExpressionSyntax { Token.Value: 0 }
            && loop.Incrementors[0] is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression } or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression }
            && SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(left, _cancellationToken).Symbol, counter)
            && SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(bound.Expression, _cancellationToken).Symbol, viewSymbol)
            && !loop.Statement.DescendantNodesAndSelf().Any(n => WritesTo(n, counter));
    }

    private bool WritesTo(SyntaxNode node, ILocalSymbol local)
    {
        var target = node switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left,
            PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } postfix => postfix.Operand,
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix => prefix.Operand,
            ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => argument.Expression,
            _ => null,
        };
        return target is not null && SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(target, _cancellationToken).Symbol, local);
    }

    private static Expr Plus(Expr a, Expr b) => a is ConstExpr { Value: 0 } ? b : new BinaryExpr("+", a, b, NumKind.Int);

    /// <summary>
    /// <c>a.Clear()</c>, <c>a.Fill(v)</c> and <c>source.CopyTo(a)</c> on a local buffer <c>a</c>: the span method
    /// called, or null for any other call (which stays an unsupported statement).
    /// </summary>
    private IMethodSymbol? SpanCallOf(InvocationExpressionSyntax call) =>
        call.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "Clear" or "Fill" or "CopyTo" }
        && _model.GetSymbolInfo(call, _cancellationToken).Symbol is IMethodSymbol method
        && TypeClassifier.IsSpanMethod(method)
        && call.ArgumentList.Arguments.Count == (method.Name == "Clear" ? 0 : 1)
            ? method
            : null;

    /// <summary>
    /// <c>Array.Clear(a)</c> and <c>Array.Fill(a, v)</c> on the whole of a local buffer: the same stores as
    /// <c>a.AsSpan().Clear()</c> and <c>a.AsSpan().Fill(v)</c>, so they are read as those. Null for any other call
    /// (the ranged overloads stay unsupported statements).
    /// </summary>
    private IMethodSymbol? ArrayCallOf(InvocationExpressionSyntax call) =>
        call.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "Clear" or "Fill" }
        && _model.GetSymbolInfo(call, _cancellationToken).Symbol is IMethodSymbol method
        && TypeClassifier.IsArrayMethod(method)
        && call.ArgumentList.Arguments.Count == (method.Name == "Clear" ? 1 : 2)
        && method.Parameters.Length == call.ArgumentList.Arguments.Count
            ? method
            : null;

    /// <summary>
    /// The span call as the loop it is: <c>a.Clear()</c> stores zero into every element, <c>a.Fill(v)</c> stores v
    /// (evaluated once, as <c>Fill</c> does), <c>source.CopyTo(a)</c> stores source's elements into a's first ones,
    /// after the check <c>CopyTo</c> makes (a destination shorter than the source throws before anything is
    /// written). The destination must be a local buffer: parameters and tables are read-only.
    /// </summary>
    private void ParseSpanCall(InvocationExpressionSyntax call, IMethodSymbol method, int line, string source, List<Stmt> output)
    {
        // Array.Clear(a) and Array.Fill(a, v) name the buffer first; a.Clear(), a.Fill(v) and source.CopyTo(a) call on the receiver.
        var arguments = call.ArgumentList.Arguments.Select(a => a.Expression).ToList();
        var onArray = TypeClassifier.IsArrayMethod(method);
        var receiver = onArray ? arguments[0] : ((MemberAccessExpressionSyntax)call.Expression).Expression;
        var operands = onArray ? arguments.Skip(1).ToList() : arguments;
        var destination = method.Name == "CopyTo" ? operands[0] : receiver;

        // A view taken in the call (w.Slice(o, n).CopyTo(part), buffer.AsSpan(2).Clear()) is a view like a declared one,
        // its start and checked length taken in C#'s order: the receiver's, then the argument's.
        var fromView = method.Name == "CopyTo" ? SliceOf(receiver) ?? InlineView(receiver, writable: false, line, source, output) : null;
        var into = SliceOf(destination) is { Writable: true } writableView ? writableView : InlineView(destination, writable: true, line, source, output);
        string target;
        if (into is not null)
        {
            target = into.Base;
        }
        else if (_model.GetSymbolInfo(destination, _cancellationToken).Symbol is ILocalSymbol buffer && _buffers.Contains(buffer))
        {
            target = NameOf(buffer);
        }
        else
        {
            throw NotSupported("'" + OneLine(call) + "'", "Clear, Fill and CopyTo can write only into a local buffer or a writable view of one", destination);
        }

        var kind = TypeClassifier.SequenceElement(_model.GetTypeInfo(destination, _cancellationToken).Type) ?? NumKind.Double;
        var index = Fresh("i");
        var targetLength = into?.LengthRead ?? new LengthExpr(target);
        Expr bound = targetLength;
        Expr value;
        switch (method.Name)
        {
            case "Clear":
                value = new ConstExpr(0, kind);
                break;
            case "Fill":
                var fill = Fresh("fill");
                output.Add(new DeclareStmt(fill, kind, Convert(ParseExpr(operands[0]), kind), line, source));
                value = new VarExpr(fill, kind);
                break;
            default:
                // From a sequence, or from a view: what it views, from its start.
                var view = fromView;
                var from = view is not null ? null : ReadableSequenceName(receiver)
                    ?? throw NotSupported("'" + OneLine(call) + "'", "copy from a span/array parameter, a local buffer, a static readonly array or a view of one", receiver);
                if (into is not null && (view?.Base ?? from) == target)
                {
                    // CopyTo copies as if through a temporary; a loop between overlapping windows of one buffer would not.
                    throw NotSupported("'" + OneLine(call) + "'", "a copy into a view of the buffer it reads from may overlap; copy through a second buffer", call);
                }
                var copied = Fresh("copied");
                var fromLength = view?.LengthRead ?? new LengthExpr(from!);
                output.Add(new DeclareStmt(
                    copied,
                    NumKind.Int,
                    new PlainCallExpr("global::AutoDiff.CompilerServices.LoopWindow.CopyLength", EquatableArray.Of(fromLength, targetLength), NumKind.Int),
                    line,
                    source));
                bound = new VarExpr(copied, NumKind.Int);
                Expr at = new VarExpr(index, NumKind.Int);
                value = view?.Element(at) ?? new IndexExpr(from!, at, kind);
                break;
        }

        Expr stored = new VarExpr(index, NumKind.Int);
        var element = into?.Element(stored) ?? new IndexExpr(target, stored, kind);
        output.Add(CountedLoop(index, bound, EquatableArray.Of<Stmt>(new AssignStmt(element, "=", value, line, source)), line, source));
    }

    /// <summary>
    /// The view <paramref name="sequence"/> takes in place (<c>w.Slice(o, n)</c>, <c>x[a..b]</c>, <c>buffer.AsSpan(o)</c>),
    /// declared as a view local is; null when it takes none.
    /// </summary>
    private Slice? InlineView(ExpressionSyntax sequence, bool writable, int line, string source, List<Stmt> output)
    {
        if (sequence is IdentifierNameSyntax
            || SliceParts(sequence) is not var (viewed, start, length)
            || TypeClassifier.SequenceElement(_model.GetTypeInfo(sequence, _cancellationToken).Type) is not { } kind)
        {
            return null;
        }

        if (writable && !IsWritable(viewed))
        {
            throw NotSupported("a writable view of '" + OneLine(viewed) + "'", "only a local buffer (or a writable view of one) can be written through a view", sequence);
        }

        return DeclareView(viewed, start, length, Fresh("start"), Fresh("length"), kind, writable, line, source, output);
    }

    /// <summary><c>for (int index = 0; index &lt; bound; index++) { body }</c>, for a construct that stands for such a loop.</summary>
    private static ForStmt CountedLoop(string index, Expr bound, EquatableArray<Stmt> body, int line, string source) =>
        new(
            EquatableArray.Of<Stmt>(new DeclareStmt(index, NumKind.Int, new ConstExpr(0, NumKind.Int), line, source)),
            new BinaryExpr("<", new VarExpr(index, NumKind.Int), bound, NumKind.Bool),
            EquatableArray.Of<Stmt>(new AssignStmt(new VarExpr(index, NumKind.Int), "+=", new ConstExpr(1, NumKind.Int), line, source)),
            body,
            line,
            source);

    /// <summary>
    /// <c>(x, y) = (0.8 * x - 0.6 * y, x * y);</c>, <c>var (s, c) = Math.SinCos(t);</c>: every value is computed before
    /// any target is written, as C# does, through temporaries where a later value reads an earlier target (a swap).
    /// </summary>
    private void ParseDeconstruction(AssignmentExpressionSyntax assignment, int line, string source, List<Stmt> output)
    {
        if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
        {
            throw NotSupported("'" + assignment.OperatorToken.Text + "' on a tuple", "assign the tuple with '='", assignment);
        }

        var targets = DeconstructionTargets(assignment.Left);
        var values = DeconstructedValues(assignment.Right, targets.Count);
        var written = new List<string>();
        var direct = true;
        for (var i = 0; i < targets.Count; i++)
        {
            if (targets[i] is { } target)
            {
                if (target.Existing is IndexExpr index && Activity.Names(index.Index).Any(written.Contains))
                {
                    throw NotSupported("a tuple target '" + OneLine(assignment.Left) + "' whose index reads another target", "assign the elements one by one", assignment.Left);
                }

                direct &= !values.Skip(i + 1).SelectMany(Activity.Names).Any(n => n == target.Name);
                written.Add(target.Name);
            }
        }

        var sources = new List<Expr>();
        for (var i = 0; i < targets.Count; i++)
        {
            if (direct || targets[i] is null)
            {
                sources.Add(values[i]);
                continue;
            }

            var temporary = Fresh("tuple");
            output.Add(new DeclareStmt(temporary, targets[i]!.Kind, values[i], line, source));
            sources.Add(new VarExpr(temporary, targets[i]!.Kind));
        }

        for (var i = 0; i < targets.Count; i++)
        {
            if (targets[i] is { } target)
            {
                output.Add(target.Existing is { } existing
                    ? new AssignStmt(existing, "=", sources[i], line, source)
                    : new DeclareStmt(target.Name, target.Kind, sources[i], line, source));
            }
        }
    }

    /// <summary>A deconstruction target: a new local (<see cref="Existing"/> null) or a variable or element written.</summary>
    private sealed record TupleTarget(string Name, NumKind Kind, Expr? Existing);

    /// <summary>The targets in order; null for a discard.</summary>
    private List<TupleTarget?> DeconstructionTargets(ExpressionSyntax left)
    {
        var targets = new List<TupleTarget?>();
        switch (left)
        {
            case DeclarationExpressionSyntax { Designation: ParenthesizedVariableDesignationSyntax designations }:
                targets.AddRange(designations.Variables.Select(DeclaredTarget));
                break;
            case TupleExpressionSyntax tuple:
                foreach (var argument in tuple.Arguments)
                {
                    targets.Add(argument.Expression switch
                    {
                        DeclarationExpressionSyntax { Designation: var designation } => DeclaredTarget(designation),
                        IdentifierNameSyntax { Identifier.Text: "_" } discard when _model.GetSymbolInfo(discard, _cancellationToken).Symbol is IDiscardSymbol or null => null,
                        var target => ExistingTarget(ParseTarget(target)),
                    });
                }

                break;
            default:
                throw NotSupported("deconstruction into '" + OneLine(left) + "'", "deconstruct into locals: var (a, b) = …", left);
        }

        return targets;
    }

    private static TupleTarget ExistingTarget(Expr target) =>
        new(target is VarExpr v ? v.Name : ((IndexExpr)target).Array, target.Kind, target);

    private TupleTarget? DeclaredTarget(VariableDesignationSyntax designation)
    {
        switch (designation)
        {
            case DiscardDesignationSyntax:
                return null;
            case SingleVariableDesignationSyntax single when _model.GetDeclaredSymbol(single, _cancellationToken) is ILocalSymbol local && TypeClassifier.Scalar(local.Type) is { } kind:
                return new TupleTarget(Declare(local), kind, null);
            default:
                throw NotSupported("deconstruction into '" + OneLine(designation) + "'", "deconstruct into double, float, int or bool locals, one level deep", designation);
        }
    }

    /// <summary>The values a tuple literal or <c>Math.SinCos</c> gives, one per target.</summary>
    private List<Expr> DeconstructedValues(ExpressionSyntax right, int count)
    {
        switch (right)
        {
            case TupleExpressionSyntax tuple when tuple.Arguments.Count == count:
                return tuple.Arguments.Select(a => ParseExpr(a.Expression)).ToList();
            case InvocationExpressionSyntax invocation when TupleCallElements(invocation) is { } elements && elements.Count == count:
                // Each element is read through the callee's pullback, with its own seed.
                return elements;
            case InvocationExpressionSyntax invocation when count == 2
                && _model.GetSymbolInfo(invocation, _cancellationToken).Symbol is IMethodSymbol { Name: "SinCos" } sinCos
                && sinCos.ContainingType is { } type && DerivativeTable.MathClassOf(type.ToDisplayString()) is { } mathClass
                && invocation.ArgumentList.Arguments.Count == 1:
                // SinCos(t) is (Sin(t), Cos(t)), each differentiated by its own row of the table.
                var angle = ParseExpr(invocation.ArgumentList.Arguments[0].Expression);
                var kind = TypeClassifier.Scalar(sinCos.Parameters[0].Type) ?? NumKind.Double;
                return [new MathCallExpr(mathClass, "Sin", EquatableArray.Of(angle), kind), new MathCallExpr(mathClass, "Cos", EquatableArray.Of(angle), kind)];
            default:
                throw NotSupported("deconstructing '" + OneLine(right) + "'", "deconstruct a tuple literal (a, b) or Math.SinCos(t)", right);
        }
    }

    /// <summary>
    /// <c>i %= n</c>, <c>bit >>= 1</c>, <c>mask |= m</c>, <c>flag &amp;= ok</c> on an int or bool local: the assignment
    /// <c>i = i % n</c> it stands for (a local has no side effects to evaluate twice). Ints and bools carry no
    /// derivative, so only the value matters; on a floating-point target these operators stay refused.
    /// </summary>
    private Stmt IntegerCompound(AssignmentExpressionSyntax assignment, int line, string source)
    {
        var op = assignment.OperatorToken.Text.Substring(0, assignment.OperatorToken.Text.Length - 1);
        var target = ParseTarget(assignment.Left);
        if (target is not VarExpr { Kind: NumKind.Int or NumKind.Bool } local || !IsIntegerOperator(op, local.Kind))
        {
            throw NotSupported("'" + assignment.OperatorToken.Text + "' assignment to '" + OneLine(assignment.Left) + "'", "use =, +=, -=, *= or /= (%=, <<=, >>=, &=, |= and ^= apply to int locals, &=, |= and ^= to bool locals)", assignment);
        }

        return new AssignStmt(local, "=", new BinaryExpr(op, local, ParseExpr(assignment.Right), local.Kind), line, source);
    }

    /// <summary>The operators C# defines on ints (remainder, shifts, bitwise) or on bools (non-short-circuit logic), beyond + - * /.</summary>
    private static bool IsIntegerOperator(string op, NumKind kind) => kind switch
    {
        NumKind.Int => op is "%" or "<<" or ">>" or ">>>" or "&" or "|" or "^",
        NumKind.Bool => op is "&" or "|" or "^",
        _ => false,
    };

    private Stmt Step(ExpressionSyntax operand, bool increment, int line, string source) =>
        new AssignStmt(ParseTarget(operand), increment ? "+=" : "-=", new ConstExpr(1, NumKind.Int), line, source);

    private Expr ParseTarget(ExpressionSyntax target)
    {
        var symbol = _model.GetSymbolInfo(target, _cancellationToken).Symbol;
        switch (target)
        {
            case IdentifierNameSyntax when symbol is ILocalSymbol local && TypeClassifier.Scalar(local.Type) is { } kind:
                return new VarExpr(NameOf(local), kind);
            case IdentifierNameSyntax when symbol is IParameterSymbol parameter && TypeClassifier.Scalar(parameter.Type) is { } kind:
                return new VarExpr(parameter.Name, kind);
            case ElementAccessExpressionSyntax element when IsWritable(element.Expression):
                // A local buffer, the output, or through a writable view into what it views (the index checked against the view).
                return ParseIndex(element);
            case ElementAccessExpressionSyntax element:
                throw NotSupported("writing into '" + OneLine(element.Expression) + "'", "parameters and static arrays are read-only in a differentiable body; copy into a local buffer first", target);
            default:
                throw NotSupported("assignment to '" + OneLine(target) + "'", "assign to a local, a scalar parameter or an element of a local buffer", target);
        }
    }

    private ForStmt ParseFor(ForStatementSyntax forStatement, int line)
    {
        var initializers = new List<Stmt>();
        if (forStatement.Declaration is { } declaration)
        {
            foreach (var variable in declaration.Variables)
            {
                initializers.Add(ParseDeclarator(variable, line, OneLine(variable)));
            }
        }

        foreach (var initializer in forStatement.Initializers)
        {
            initializers.Add(ParseExpressionStatement(initializer, line, OneLine(initializer)));
        }

        var incrementors = forStatement.Incrementors.Select(i => ParseExpressionStatement(i, line, OneLine(i))).ToEquatableArray();
        var condition = forStatement.Condition is { } c ? ParseExpr(c) : null;
        var header = "for (" + string.Join(", ", forStatement.Declaration is { } d ? new[] { OneLine(d) } : forStatement.Initializers.Select(OneLine))
            + "; " + (forStatement.Condition is { } cc ? OneLine(cc) : string.Empty) + "; " + string.Join(", ", forStatement.Incrementors.Select(OneLine)) + ")";
        return new ForStmt(initializers.ToEquatableArray(), condition, incrementors, ParseEmbedded(forStatement.Statement), line, header);
    }

    private ForStmt ParseForEach(ForEachStatementSyntax forEach, int line)
    {
        var element = (ILocalSymbol)_model.GetDeclaredSymbol(forEach, _cancellationToken)!;
        var slice = SliceOf(forEach.Expression);
        var sequenceName = slice?.Base ?? ReadableSequenceName(forEach.Expression);
        if (sequenceName is null || TypeClassifier.Scalar(element.Type) is not { } kind)
        {
            throw Fallback("it uses 'foreach' over '" + OneLine(forEach.Expression) + "'", forEach.Expression);
        }

        // Every index from 0 to the length is inside the sequence or view: the elements need no check of their own.
        var index = Fresh("i");
        Expr at = new VarExpr(index, NumKind.Int);
        var read = slice?.Element(at)
            ?? new IndexExpr(sequenceName, at, TypeClassifier.SequenceElement(_model.GetTypeInfo(forEach.Expression, _cancellationToken).Type)!.Value);
        var source = "foreach (" + OneLine(forEach.Type) + " " + forEach.Identifier.Text + " in " + OneLine(forEach.Expression) + ")";
        var body = new List<Stmt>
        {
            new DeclareStmt(Declare(element), kind, read, line, source),
        };
        ParseStatement(forEach.Statement, body);
        return CountedLoop(index, slice?.LengthRead ?? new LengthExpr(sequenceName), body.ToEquatableArray(), line, source);
    }

    public Expr ParseExpr(ExpressionSyntax expression)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var typeInfo = _model.GetTypeInfo(expression, _cancellationToken);
        var constant = _model.GetConstantValue(expression, _cancellationToken);
        if (constant.HasValue && TypeClassifier.Scalar(typeInfo.Type) is { } constantKind)
        {
            var value = constant.Value switch
            {
                bool b => b ? 1.0 : 0.0,
                double d => d,
                float f => (double)f,
                int i => i,
                _ => double.NaN,
            };
            return new ConstExpr(value, constantKind);
        }

        if (typeInfo.Type is INamedTypeSymbol { IsTupleType: true } && expression is InvocationExpressionSyntax tupleCall && TupleCallElements(tupleCall) is { } returned)
        {
            // `return G(a, b);` in a method returning a tuple: the callee's tuple, element by element.
            return new TupleExpr(returned.ToEquatableArray(), returned[0].Kind);
        }

        if (_steppedValues.TryGetValue(expression, out var stepped))
        {
            // k++ or ++k inside a statement: the statement steps k on its own (TryParseWithSteps).
            return stepped;
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return ParseExpr(parenthesized.Expression);
            case TupleExpressionSyntax tuple when (typeInfo.ConvertedType ?? typeInfo.Type) is INamedTypeSymbol { IsTupleType: true } tupleType
                && tupleType.TupleElements.Length == tuple.Arguments.Count
                && tupleType.TupleElements.All(e => TypeClassifier.IsFloating(e.Type)):
                // The values a vector-valued method returns, each converted to its element's type.
                return new TupleExpr(
                    tuple.Arguments.Select((a, i) => Convert(ParseExpr(a.Expression), TypeClassifier.Scalar(tupleType.TupleElements[i].Type)!.Value)).ToEquatableArray(),
                    TypeClassifier.Scalar(tupleType.TupleElements[0].Type)!.Value);
            case MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax elementCall } member
                when _model.GetSymbolInfo(member, _cancellationToken).Symbol is IFieldSymbol { ContainingType.IsTupleType: true } field
                && TupleCallElements(elementCall) is { } fields
                && fields.OfType<TupleElementExpr>().FirstOrDefault(e => e.Element == field.Name || "Item" + (e.Index + 1) == field.Name) is { } picked:
                return picked;
            case IdentifierNameSyntax identifier:
                return ParseName(identifier);
            case BinaryExpressionSyntax binary:
                return ParseBinary(binary, KindOf(binary));
            case PrefixUnaryExpressionSyntax prefix when prefix.Kind() is SyntaxKind.UnaryMinusExpression or SyntaxKind.UnaryPlusExpression or SyntaxKind.LogicalNotExpression
                                                         || prefix.IsKind(SyntaxKind.BitwiseNotExpression) && KindOf(prefix) == NumKind.Int:
                return new UnaryExpr(prefix.OperatorToken.Text, ParseExpr(prefix.Operand), KindOf(prefix));
            case IsPatternExpressionSyntax test:
                return ParsePattern(test.Expression, test.Pattern);
            case ConditionalExpressionSyntax conditional:
                return new ConditionalExpr(ParseExpr(conditional.Condition), ParseExpr(conditional.WhenTrue), ParseExpr(conditional.WhenFalse), KindOf(conditional));
            case CastExpressionSyntax cast:
                return new CastExpr(ParseExpr(cast.Expression), KindOf(cast));
            case InvocationExpressionSyntax invocation:
                return ParseInvocation(invocation);
            case ElementAccessExpressionSyntax element:
                return ParseIndex(element);
            case MemberAccessExpressionSyntax { Name.Identifier.Text: "Length" } member when SliceOf(member.Expression) is { } slice:
                return slice.LengthRead;
            case MemberAccessExpressionSyntax { Name.Identifier.Text: "Length" } member when ReadableSequenceName(member.Expression) is { } sequence:
                return new LengthExpr(sequence);
            case MemberAccessExpressionSyntax member when _model.GetSymbolInfo(member, _cancellationToken).Symbol is IFieldSymbol { IsStatic: true } field:
                return Field(field, member);
            case SimpleLambdaExpressionSyntax or ParenthesizedLambdaExpressionSyntax or AnonymousMethodExpressionSyntax:
                throw Fallback("it uses a lambda", expression);
            case QueryExpressionSyntax:
                throw Fallback("it uses a LINQ query", expression);
            case SwitchExpressionSyntax switchExpression:
                return ParseSwitchExpression(switchExpression);
            case ThrowExpressionSyntax:
                // A statement's whole value that throws in a switch's '_' arm is guarded statically (GuardThrowingSwitch).
                throw Fallback("it throws inside an expression ('" + OneLine(expression) + "')", expression);
            default:
                throw NotSupported("'" + OneLine(expression) + "'", "use arithmetic, Math functions, conditionals, locals and calls to [Differentiable] methods", expression);
        }
    }

    private Expr ParseName(IdentifierNameSyntax identifier)
    {
        var symbol = _model.GetSymbolInfo(identifier, _cancellationToken).Symbol;
        switch (symbol)
        {
            case ILocalSymbol local when TypeClassifier.Scalar(local.Type) is { } kind:
                return new VarExpr(NameOf(local), kind);
            case IParameterSymbol parameter when _arguments.TryGetValue(parameter, out var argument):
                return argument;
            case IParameterSymbol parameter when TypeClassifier.Scalar(parameter.Type) is { } kind:
                return new VarExpr(parameter.Name, kind);
            case IParameterSymbol { Type.TypeKind: TypeKind.Enum } parameter:
                // An enum parameter is read, never written (a differentiable body cannot assign it): a passive value.
                return new OpaqueExpr(parameter.Name, NumKind.Int);
            case IFieldSymbol { IsStatic: true } field:
                return Field(field, identifier);
            default:
                throw NotSupported("'" + identifier.Identifier.Text + "' used as a value", "only scalar locals, parameters and static fields can appear here", identifier);
        }
    }

    private Expr Field(IFieldSymbol field, ExpressionSyntax at)
    {
        if (field is { IsConst: true, ContainingType.TypeKind: TypeKind.Enum })
        {
            return new OpaqueExpr(field.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + field.Name, NumKind.Int);
        }

        if (field.IsReadOnly && TypeClassifier.Scalar(field.Type) is { } kind)
        {
            return new OpaqueExpr(field.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + field.Name, kind);
        }

        throw NotSupported("field '" + field.Name + "'", "only const and static readonly scalar fields can be read (they are constants)", at);
    }

    private Expr ParseBinary(BinaryExpressionSyntax binary, NumKind kind)
    {
        var op = binary.OperatorToken.Text;
        if (op == "%" && kind.IsFloating())
        {
            throw NotSupported("floating-point '%'", "use Math.IEEERemainder-free arithmetic, or compute the remainder on ints", binary);
        }

        if (op is not ("+" or "-" or "*" or "/" or "%" or "<" or ">" or "<=" or ">=" or "==" or "!=" or "&&" or "||") && !IsIntegerOperator(op, kind))
        {
            throw NotSupported("operator '" + op + "' on " + kind.Keyword() + " values", "use arithmetic, comparison and logical operators (shifts and bitwise operators apply to ints, & | ^ to bools)", binary);
        }

        return new BinaryExpr(op, ParseExpr(binary.Left), ParseExpr(binary.Right), kind);
    }

    private Expr ParseIndex(ElementAccessExpressionSyntax element)
    {
        if (SliceOf(element.Expression) is { } slice && element.ArgumentList.Arguments.Count == 1)
        {
            return SliceElement(element, slice);
        }

        if (ReadableSequenceName(element.Expression) is not { } sequence || element.ArgumentList.Arguments.Count != 1)
        {
            throw NotSupported("indexing '" + OneLine(element) + "'", "index a span/array parameter, a local buffer or a static readonly array with one int", element);
        }

        var kind = TypeClassifier.Scalar(_model.GetTypeInfo(element, _cancellationToken).Type) ?? NumKind.Double;
        return new IndexExpr(sequence, ParsePosition(element.ArgumentList.Arguments[0].Expression, new LengthExpr(sequence)), kind);
    }

    private string? SequenceName(ExpressionSyntax expression) =>
        _model.GetSymbolInfo(expression, _cancellationToken).Symbol switch
        {
            IParameterSymbol p when TypeClassifier.FloatingSequence(p.Type) is not null || TypeClassifier.IsIntSequence(p.Type) => p.Name,
            ILocalSymbol l when _buffers.Contains(l) => NameOf(l),
            _ => null,
        };

    /// <summary>
    /// <see cref="SequenceName"/>, or a table: a <c>static readonly</c> array field of doubles, floats or ints
    /// (quadrature weights, a permutation, labels), named by its fully qualified name. A body may read its elements
    /// and its length; like a <c>[NoDerivative]</c> span parameter it has no derivative, and the body cannot write it
    /// (<see cref="ParseTarget"/>). It is not accepted as a call argument: pass such a table in as a parameter.
    /// </summary>
    private string? ReadableSequenceName(ExpressionSyntax expression) =>
        SequenceName(expression) ?? (_model.GetSymbolInfo(expression, _cancellationToken).Symbol is IFieldSymbol { IsStatic: true, IsReadOnly: true, Type: IArrayTypeSymbol table } field
                                     && TypeClassifier.SequenceElement(table) is NumKind.Double or NumKind.Float or NumKind.Int
            ? TableName(field)
            : null);

    private static string TableName(IFieldSymbol field) =>
        field.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + field.Name;

    /// <summary>True for a sequence name <see cref="TableName"/> wrote: only a table's is fully qualified.</summary>
    private static bool IsTable(string sequence) => sequence.StartsWith("global::", System.StringComparison.Ordinal);

    private Expr ParseInvocation(InvocationExpressionSyntax invocation)
    {
        if (_model.GetSymbolInfo(invocation, _cancellationToken).Symbol is not IMethodSymbol callee)
        {
            throw NotSupported("call '" + OneLine(invocation) + "'", "the call could not be resolved", invocation);
        }

        var kind = KindOf(invocation);
        var arguments = invocation.ArgumentList.Arguments;
        RequirePositional(callee, arguments, invocation);
        var containing = callee.ContainingType?.ToDisplayString();
        if (containing is not null && DerivativeTable.MathClassOf(containing) is { } mathClass && DerivativeTable.Find(callee.Name, arguments.Count) is not null)
        {
            return new MathCallExpr(mathClass, callee.Name, arguments.Select(a => ParseExpr(a.Expression)).ToEquatableArray(), kind);
        }

        if (_localFunctions.TryGetValue(callee, out var inlined))
        {
            return Inline(callee, inlined, invocation);
        }

        if (SymbolEqualityComparer.Default.Equals(callee.OriginalDefinition, _method.OriginalDefinition))
        {
            throw Fallback("it calls itself recursively", invocation);
        }

        if (containing == "System.Linq.Enumerable")
        {
            throw Fallback("it uses LINQ ('" + callee.Name + "')", invocation);
        }

        var userPullback = Callees.FindUserPullback(callee);
        if (userPullback is not null || Callees.IsDifferentiable(callee))
        {
            return DifferentiableCall(callee, arguments, userPullback, kind);
        }

        if (!callee.IsStatic)
        {
            throw NotSupported("instance call '" + OneLine(invocation) + "'", "only static helpers of constants can be called", invocation);
        }

        RequireKeepsNothing(callee, arguments, invocation);
        var plainArgs = new List<Expr>();
        foreach (var argument in arguments)
        {
            plainArgs.Add(ParsePlainArgument(callee, argument, invocation));
        }

        return new PlainCallExpr(callee.ContainingType!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + callee.Name, plainArgs.ToEquatableArray(), kind);
    }

    /// <summary>
    /// The calls the transformation writes pass their arguments by position: a named argument out of the parameters'
    /// order (<c>Lin(b: x, a: y)</c>), an optional argument left out, or an extension method's receiver
    /// (<c>v.Softish()</c>) would be passed to the wrong parameter, or to none.
    /// </summary>
    private void RequirePositional(IMethodSymbol callee, SeparatedSyntaxList<ArgumentSyntax> arguments, SyntaxNode at)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].NameColon is { } named && (i >= callee.Parameters.Length || callee.Parameters[i].Name != named.Name.Identifier.ValueText))
            {
                throw NotSupported("the named argument '" + OneLine(arguments[i]) + "' out of the parameters' order", "pass the arguments in the order of '" + callee.Name + "''s parameters", arguments[i]);
            }
        }

        if (callee.ReducedFrom is not null && (Callees.IsDifferentiable(callee.ReducedFrom) || Callees.FindUserPullback(callee.ReducedFrom) is not null))
        {
            throw NotSupported("the extension call '" + OneLine(at) + "'", "call it as a static method, with the receiver as its first argument", at);
        }

        if (arguments.Count < callee.Parameters.Length && !callee.Parameters[callee.Parameters.Length - 1].IsParams
            && (Callees.IsDifferentiable(callee) || Callees.FindUserPullback(callee) is not null))
        {
            throw NotSupported("the call '" + OneLine(at) + "', which leaves out the optional argument '" + callee.Parameters[arguments.Count].Name + "',", "pass every argument", at);
        }
    }

    /// <summary>
    /// A plain helper handed numbers must not keep them where the body could read them back without their derivative
    /// (<see cref="HelperEffects"/>).
    /// </summary>
    private void RequireKeepsNothing(IMethodSymbol callee, SeparatedSyntaxList<ArgumentSyntax> arguments, SyntaxNode at)
    {
        if (arguments.Any(a => TypeClassifier.InvolvesFloating(_model.GetTypeInfo(a.Expression, _cancellationToken).Type) && !_model.GetConstantValue(a.Expression, _cancellationToken).HasValue)
            && HelperEffects.WhyItCouldKeep(callee, _model.Compilation, _cancellationToken) is { } reason)
        {
            throw NotSupported("the call '" + OneLine(at) + "', handed numbers,", reason + "; a helper may only compute from what it is handed", at);
        }
    }

    /// <param name="vector">A vector-valued callee: it has a pushforward only when it asked for one, and no second order.</param>
    private DifferentiableCallExpr DifferentiableCall(IMethodSymbol callee, SeparatedSyntaxList<ArgumentSyntax> arguments, string? userPullback, NumKind kind, bool vector = false)
    {
        var sameType = SymbolEqualityComparer.Default.Equals(callee.ContainingType, _method.ContainingType);
        var prefix = sameType ? string.Empty : callee.ContainingType!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ".";
        var args = new List<Expr>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var role = Callees.RoleOf(callee.Parameters[i]);
            var argument = arguments[i].Expression;
            var parsed = role switch
            {
                ParamRole.Span => SequenceName(argument) is { } sequence
                    ? new OpaqueExpr(sequence, NumKind.Double)
                    : ViewArgument(argument) ?? throw NotSupported("argument '" + OneLine(arguments[i]) + "'", "pass a span/array parameter, a local buffer or a view of one", arguments[i]),
                ParamRole.Passive when TypeClassifier.SequenceElement(callee.Parameters[i].Type) is { } elementKind && SequenceName(argument) is { } sequence => new OpaqueExpr(sequence, elementKind),
                ParamRole.Passive when TypeClassifier.SequenceElement(callee.Parameters[i].Type) is not null && ViewArgument(argument) is { } view => view,
                _ => ParseExpr(argument),
            };
            args.Add(parsed);
            var parameterType = callee.Parameters[i].Type;
            if (role == ParamRole.Passive && callee.Parameters[i].RefKind == RefKind.None
                && (TypeClassifier.IsFloating(parameterType) || TypeClassifier.FloatingSequence(parameterType) is not null))
            {
                PassiveArguments.Add((parsed, LocationInfo.From(argument), callee.Parameters[i].Name, callee.ContainingType?.Name + "." + callee.Name));
            }
        }

        return new DifferentiableCallExpr(
            prefix + callee.Name,
            prefix + (userPullback ?? callee.Name + "Pullback"),
            args.ToEquatableArray(),
            callee.Parameters.Select(Callees.RoleOf).ToEquatableArray(),
            callee.Parameters.Select(p => TypeClassifier.Scalar(p.Type) ?? TypeClassifier.FloatingSequence(p.Type) ?? NumKind.Int).ToEquatableArray(),
            kind,
            userPullback is null && (Callees.KindsOf(callee) & (vector ? Callees.PushforwardKind : Callees.PushforwardKind | Callees.HessianKind)) != 0 ? prefix + callee.Name + "Pushforward" : null,
            userPullback is null && !vector && (Callees.KindsOf(callee) & Callees.HessianKind) != 0 ? prefix + callee.Name + "PullbackPushforward" : null);
    }

    /// <summary>
    /// The elements of the tuple a vector-valued [Differentiable] method returns, one expression each, or null when
    /// <paramref name="invocation"/> calls no such method.
    /// </summary>
    private List<Expr>? TupleCallElements(InvocationExpressionSyntax invocation)
    {
        if (_model.GetSymbolInfo(invocation, _cancellationToken).Symbol is not IMethodSymbol callee
            || !Callees.IsDifferentiable(callee)
            || VectorMethods.ShapeOf(callee) is not { Problem: null, Span: null } shape)
        {
            return null;
        }

        if (SymbolEqualityComparer.Default.Equals(callee.OriginalDefinition, _method.OriginalDefinition))
        {
            throw NotSupported("recursive call '" + OneLine(invocation) + "' of a vector-valued method", "vector-valued methods cannot run on the runtime tape; write the recursion as a loop", invocation);
        }

        var call = DifferentiableCall(callee, invocation.ArgumentList.Arguments, null, shape.Kind, vector: true);
        return shape.Elements.Select((e, i) => (Expr)new TupleElementExpr(call, i, e, shape.Elements.Count, shape.Kind)).ToList();
    }

    /// <summary>
    /// A local function's value at this call: its body with each parameter read as the argument's expression (the
    /// arguments carry no side effects, so reading one twice is computing it twice). The result converts to the
    /// function's return type, as the call does.
    /// </summary>
    private Expr Inline(IMethodSymbol callee, ExpressionSyntax body, InvocationExpressionSyntax invocation)
    {
        if (!_inlining.Add(callee))
        {
            throw Fallback("its local function '" + callee.Name + "' calls itself", invocation);
        }

        var arguments = invocation.ArgumentList.Arguments;
        if (arguments.Any(a => a.NameColon is not null || !a.RefKindKeyword.IsKind(SyntaxKind.None)) || arguments.Count != callee.Parameters.Length)
        {
            throw NotSupported("call '" + OneLine(invocation) + "'", "pass a local function's arguments in order, by value", invocation);
        }

        var parsed = arguments.Select((a, i) => Convert(ParseExpr(a.Expression), TypeClassifier.Scalar(callee.Parameters[i].Type)!.Value)).ToList();
        var saved = callee.Parameters.Select(p => _arguments.TryGetValue(p, out var previous) ? previous : null).ToList();
        for (var i = 0; i < parsed.Count; i++)
        {
            _arguments[callee.Parameters[i]] = parsed[i];
        }

        try
        {
            return Convert(ParseExpr(body), TypeClassifier.Scalar(callee.ReturnType)!.Value);
        }
        finally
        {
            for (var i = 0; i < parsed.Count; i++)
            {
                if (saved[i] is { } previous)
                {
                    _arguments[callee.Parameters[i]] = previous;
                }
                else
                {
                    _arguments.Remove(callee.Parameters[i]);
                }
            }

            _inlining.Remove(callee);
        }
    }

    /// <summary>The implicit conversion a parameter or return type applies (an int argument to a double parameter).</summary>
    internal static Expr Convert(Expr value, NumKind kind) => value.Kind == kind || value is ConstExpr && kind.IsFloating()
        ? value is ConstExpr c && c.Kind != kind ? c with { Kind = kind } : value
        : new CastExpr(value, kind);

    /// <summary>
    /// An argument of a plain helper: an expression the transformation reads like any other (so a renamed local is
    /// renamed inside the call, and the value it had is restored for the adjoint), a constant, or a parameter
    /// passed by name. Nothing that could carry a derivative, and nothing the helper could write to.
    /// </summary>
    private Expr ParsePlainArgument(IMethodSymbol callee, ArgumentSyntax argument, InvocationExpressionSyntax invocation)
    {
        var name = callee.ContainingType?.Name + "." + callee.Name;
        if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
        {
            throw NotSupported("argument '" + OneLine(argument) + "' passed by '" + argument.RefKindKeyword.Text + "' to '" + name + "'", "a plain helper may only read its arguments: return the value instead", argument);
        }

        if (argument.NameColon is not null)
        {
            throw NotSupported("named argument '" + OneLine(argument) + "' of '" + name + "'", "pass the helper's arguments in order", argument);
        }

        var expression = argument.Expression;
        var argumentType = _model.GetTypeInfo(expression, _cancellationToken).Type;
        var constant = _model.GetConstantValue(expression, _cancellationToken).HasValue;
        var scalar = TypeClassifier.Scalar(argumentType);
        var sequence = TypeClassifier.FloatingSequence(argumentType) is not null;
        var floating = scalar?.IsFloating() == true || sequence;
        if (floating && !constant && sequence && Callees.ReturnsNoDerivative(callee) && !IsReadOnlyParameter(expression))
        {
            throw NotSupported("passing '" + OneLine(expression) + "' to the plain helper '" + name + "'", "a plain helper may read a span or array parameter, whose elements no statement changes; pass one, or make the helper [Differentiable]", argument);
        }

        if (floating && !constant && !Callees.ReturnsNoDerivative(callee))
        {
            throw new NotDifferentiableException(DiagnosticInfo.Create(
                DiagnosticDescriptors.ExpressionNotDifferentiable, LocationInfo.From(invocation), name));
        }

        if (scalar is not null)
        {
            return ParseExpr(expression);
        }

        if (constant || _model.GetSymbolInfo(expression, _cancellationToken).Symbol is IParameterSymbol)
        {
            // A constant of another type (a string) or a passive parameter: read-only, never renamed.
            return new OpaqueExpr(expression.ToString(), NumKind.Int);
        }

        throw NotSupported("argument '" + OneLine(argument) + "' of '" + name + "'", "pass ints, bools, constants or parameters to a plain helper", argument);
    }

    /// <summary>A span or array parameter other than the output: no statement changes its elements, so the reverse sweep reads what a call read.</summary>
    private bool IsReadOnlyParameter(ExpressionSyntax sequence) =>
        _model.GetSymbolInfo(sequence, _cancellationToken).Symbol is IParameterSymbol parameter && parameter.Name != _output;

    private NumKind KindOf(ExpressionSyntax expression)
    {
        var type = _model.GetTypeInfo(expression, _cancellationToken).Type;
        return TypeClassifier.Scalar(type)
            ?? throw NotSupported("a value of type '" + type?.ToDisplayString() + "'", "a differentiable body computes with double, float, int and bool", expression);
    }

    private string Declare(ILocalSymbol local)
    {
        var name = Unique(local.Name);
        _names[local] = name;
        return name;
    }

    /// <summary><paramref name="stem"/>, or with a suffix where that name is taken.</summary>
    private string Unique(string stem)
    {
        var name = stem;
        for (var suffix = 1; _usedNames.Contains(name); suffix++)
        {
            name = stem + "_" + suffix;
        }

        _usedNames.Add(name);
        return name;
    }

    private string NameOf(ILocalSymbol local) => _names.TryGetValue(local, out var name) ? name : local.Name;

    private string Fresh(string stem)
    {
        string name;
        do
        {
            name = "_" + stem + (++_syntheticCounter);
        }
        while (_usedNames.Contains(name));
        _usedNames.Add(name);
        return name;
    }

    private static int LineOf(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.Compiled);

    internal static string OneLine(SyntaxNode node) => Whitespace.Replace(node.ToString(), " ").Trim();

    private static string Describe(StatementSyntax statement) => statement switch
    {
        GotoStatementSyntax => "goto",
        TryStatementSyntax => "try",
        ThrowStatementSyntax => "throw",
        UsingStatementSyntax => "using",
        LockStatementSyntax => "lock",
        YieldStatementSyntax => "yield",
        FixedStatementSyntax => "fixed",
        UnsafeStatementSyntax => "unsafe",
        CheckedStatementSyntax => "checked",
        LabeledStatementSyntax => "labeled",
        ReturnStatementSyntax => "return without value",
        _ => statement.Kind().ToString(),
    };

    private static NotDifferentiableException NotSupported(string construct, string advice, SyntaxNode at) =>
        new(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConstruct, LocationInfo.From(at), Capitalize(construct), advice));

    private static string Capitalize(string text) => text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text.Substring(1) : text;

    private static FallbackRequiredException Fallback(string reason, SyntaxNode at) => new(reason, LocationInfo.From(at));
}
