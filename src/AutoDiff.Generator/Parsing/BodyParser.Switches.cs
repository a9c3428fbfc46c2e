using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoDiff.Generator.Parsing;

/// <summary>
/// A <c>switch</c> statement or expression on a number, a bool or an enum, as the <c>if</c>/<c>else</c> chain or the
/// <c>?:</c> chain it stands for: the value is read once (into a local unless it is a name), the sections' labels
/// (constants, relational and <c>and</c>/<c>or</c>/<c>not</c> patterns, <c>when</c> clauses) are tested in source order,
/// the <c>default</c> section is the last <c>else</c> wherever it stands, and each section's closing <c>break</c> is
/// dropped (a <c>return</c> or <c>continue</c> stays). What does not map one to one stays on the runtime tape (AD0011):
/// a <c>break</c> out of the middle of a section, <c>goto case</c>, a declaration or <c>var</c> pattern, a default
/// section that has other labels too, a switch expression without a discard arm (it throws when nothing matches).
/// A section may end in <c>throw</c>, and a switch expression whose <c>_</c> arm throws is guarded before its statement
/// (see <c>BodyParser.Passive</c>).
/// </summary>
internal sealed partial class BodyParser
{
    private void ParseSwitch(SwitchStatementSyntax statement, int line, List<Stmt> output)
    {
        var source = "switch (" + OneLine(statement.Expression) + ")";
        var kind = PatternKind(statement.Expression, statement.Expression);
        var tested = SwitchValue(statement.Expression, kind, line, source, output);
        var chain = new List<(Expr Condition, SwitchSectionSyntax Section)>();
        SwitchSectionSyntax? fallback = null;
        foreach (var section in statement.Sections)
        {
            if (section.Labels.Any(l => l is DefaultSwitchLabelSyntax))
            {
                if (section.Labels.Count > 1)
                {
                    throw Fallback("its 'switch' has a default section with other labels", section);
                }

                fallback = section;
                continue;
            }

            chain.Add((section.Labels.Select(label => LabelCondition(label, tested, kind)).Aggregate((a, b) => new BinaryExpr("||", a, b, NumKind.Bool)), section));
        }

        var otherwise = fallback is null ? EquatableArray<Stmt>.Empty : SectionBody(fallback);
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var (condition, section) = chain[i];
            var labels = string.Join(" ", section.Labels.Select(l => OneLine(l)));
            otherwise = EquatableArray.Of<Stmt>(new IfStmt(condition, SectionBody(section), otherwise, LineOf(section), source + " " + labels));
        }

        output.AddRange(otherwise);
    }

    /// <summary>The switched value: the name itself, or a local that holds it (read once, as C# reads it).</summary>
    private Expr SwitchValue(ExpressionSyntax expression, NumKind kind, int line, string source, List<Stmt> output)
    {
        var value = ParseExpr(expression);
        if (value is VarExpr or OpaqueExpr or ConstExpr)
        {
            return value;
        }

        if (_model.GetTypeInfo(expression, _cancellationToken).Type?.TypeKind == TypeKind.Enum)
        {
            throw Fallback("it switches on an enum expression that is not a name", expression);
        }

        var name = Fresh("switch");
        output.Add(new DeclareStmt(name, kind, value, line, source));
        return new VarExpr(name, kind);
    }

    private Expr LabelCondition(SwitchLabelSyntax label, Expr tested, NumKind kind) => label switch
    {
        CaseSwitchLabelSyntax constant when Comparand(constant.Value, kind) is { } value => new BinaryExpr("==", tested, value, NumKind.Bool),
        CasePatternSwitchLabelSyntax pattern => CaseCondition(pattern.Pattern, pattern.WhenClause, tested, kind, label),
        _ => throw Fallback("its 'switch' has the label '" + OneLine(label) + "'", label),
    };

    /// <summary>
    /// A case's pattern and <c>when</c> clause, in a statement's label or an expression's arm, as one condition; a pattern
    /// that declares a variable is not one, and stays on the tape.
    /// </summary>
    private Expr CaseCondition(PatternSyntax pattern, WhenClauseSyntax? when, Expr tested, NumKind kind, SyntaxNode at)
    {
        if (pattern is DeclarationPatternSyntax or VarPatternSyntax or RecursivePatternSyntax)
        {
            throw Fallback("its 'switch' has the case '" + OneLine(at) + "'", at);
        }

        var condition = ParsePattern(tested, kind, pattern);
        return when is null ? condition : new BinaryExpr("&&", condition, ParseExpr(when.Condition), NumKind.Bool);
    }

    /// <summary>A section's statements without the <c>break</c> that closes it; it must end in a jump and break nowhere else.</summary>
    private EquatableArray<Stmt> SectionBody(SwitchSectionSyntax section)
    {
        var statements = section.Statements.Count == 1 && section.Statements[0] is BlockSyntax block ? block.Statements.ToList() : section.Statements.ToList();
        if (statements.Count == 0 || statements[statements.Count - 1] is not (BreakStatementSyntax or ReturnStatementSyntax or ContinueStatementSyntax or ThrowStatementSyntax))
        {
            throw Fallback("a 'switch' section does not end in break, return, continue or throw", section);
        }

        var body = statements[statements.Count - 1] is BreakStatementSyntax ? statements.Take(statements.Count - 1).ToList() : statements;
        foreach (var inner in body)
        {
            if (BreaksOutOfSwitch(inner) is { } early)
            {
                throw Fallback("it leaves a 'switch' section early with 'break'", early);
            }

            if (inner.DescendantNodesAndSelf().FirstOrDefault(n => n is GotoStatementSyntax) is { } jump)
            {
                throw Fallback("it jumps with '" + OneLine(jump) + "'", jump);
            }
        }

        return ParseBlock(body);
    }

    /// <summary>A <c>break</c> in <paramref name="statement"/> that leaves the switch (not one inside a loop or a nested switch).</summary>
    private static BreakStatementSyntax? BreaksOutOfSwitch(SyntaxNode statement) => statement switch
    {
        BreakStatementSyntax jump => jump,
        ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax or SwitchStatementSyntax => null,
        _ => statement.ChildNodes().Select(BreaksOutOfSwitch).FirstOrDefault(found => found is not null),
    };

    /// <summary><c>e switch { p =&gt; a, q when c =&gt; b, _ =&gt; d }</c> as <c>p(e) ? a : q(e) &amp;&amp; c ? b : d</c>.</summary>
    private Expr ParseSwitchExpression(SwitchExpressionSyntax switchExpression)
    {
        var arms = switchExpression.Arms;
        if (arms.Count == 0 || arms[arms.Count - 1] is not { Pattern: DiscardPatternSyntax, WhenClause: null })
        {
            throw Fallback("its 'switch' expression has no '_' arm (it throws when nothing matches)", switchExpression);
        }

        var kind = PatternKind(switchExpression.GoverningExpression, switchExpression.GoverningExpression);
        var guarded = _guardedSwitches.TryGetValue(switchExpression, out var tested);
        if (!guarded && ThrowsWhenNothingMatches(switchExpression))
        {
            throw Fallback("its 'switch' expression throws in its '_' arm and is not the whole value of a statement", switchExpression);
        }

        tested ??= ParseExpr(switchExpression.GoverningExpression);
        var resultKind = KindOf(switchExpression);

        // Behind its guard, an expression whose '_' arm throws has matched one of the other arms: the last of them needs no test.
        var last = guarded ? arms.Count - 2 : arms.Count - 1;
        var result = Convert(ParseExpr(arms[last].Expression), resultKind);
        for (var i = last - 1; i >= 0; i--)
        {
            var arm = arms[i];
            var condition = CaseCondition(arm.Pattern, arm.WhenClause, tested, kind, arm);
            result = new ConditionalExpr(condition, Convert(ParseExpr(arm.Expression), resultKind), result, resultKind);
        }

        return result;
    }
}
