using System.Linq.Expressions;
using ChangeOrchestrator.Patching.Compliance.Slas;
using ChangeOrchestrator.Patching.Policies;

namespace ChangeOrchestrator.Persistence.Compliance;

/// <summary>
/// The SLA rules of <see cref="SlaEvaluator.Judge"/> as one SQL expression over an open finding, so the SLA list is
/// filtered, counted, ordered and paged by the database: the due date is the clock's start (ticks) plus the days of
/// the finding's severity (any case), and the status compares it with now and the due-soon margin, an active
/// exception first. The moment and the exceptions' texts are query parameters; the severities' days are literals
/// (the policy's shape changes rarely, so the compiled queries stay few).
/// </summary>
internal static class SlaSql
{
    private static readonly ParameterExpression Finding = Expression.Parameter(typeof(ComplianceFindingRow), "f");

    public static Expression<Func<ComplianceFindingRow, JudgedFinding>> Judge(SlaRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var due = Due(rules);
        var now = Parameter(rules.Now.UtcTicks);
        var soon = Parameter(rules.Now.UtcTicks + (rules.DueSoonDays * SlaRules.TicksPerDay));
        Expression status = Expression.Condition(
            Expression.Equal(due, Expression.Constant(SlaListKey.NoDueDate)),
            Code(SlaStatus.NoSla),
            Expression.Condition(
                Expression.LessThanOrEqual(due, now),
                Code(SlaStatus.Breached),
                Expression.Condition(Expression.LessThanOrEqual(due, soon), Code(SlaStatus.DueSoon), Code(SlaStatus.WithinSla))));
        if (Covered(rules.Exceptions) is { } covered)
        {
            status = Expression.Condition(covered, Code(SlaStatus.Excepted), status);
        }

        return Expression.Lambda<Func<ComplianceFindingRow, JudgedFinding>>(
            Expression.MemberInit(
                Expression.New(typeof(JudgedFinding)),
                Expression.Bind(typeof(JudgedFinding).GetProperty(nameof(JudgedFinding.Row))!, Finding),
                Expression.Bind(typeof(JudgedFinding).GetProperty(nameof(JudgedFinding.Due))!, due),
                Expression.Bind(typeof(JudgedFinding).GetProperty(nameof(JudgedFinding.Status))!, status)),
            Finding);
    }

    /// <summary>clock_start_ticks + the severity's days, or <see cref="SlaListKey.NoDueDate"/> when the severity has no SLA.</summary>
    private static Expression Due(SlaRules rules)
    {
        var severity = Lower(Expression.Coalesce(Column(nameof(ComplianceFindingRow.Severity)), Expression.Constant(SlaEvaluator.UnknownSeverity)));
        var clock = Column(nameof(ComplianceFindingRow.ClockStartTicks));
        Expression due = Expression.Constant(SlaListKey.NoDueDate);
        foreach (var (name, days) in rules.DaysBySeverity)
        {
            due = Expression.Condition(
                Expression.Equal(severity, Expression.Constant(name.ToLowerInvariant())),
                Expression.Add(clock, Expression.Constant(days * SlaRules.TicksPerDay)),
                due);
        }

        return due;
    }

    /// <summary>Whether an active exception covers the finding, as <see cref="PatchExemption.Covers"/> decides; null without exceptions.</summary>
    private static Expression? Covered(IReadOnlyList<PatchExemption> exceptions)
    {
        Expression? any = null;
        foreach (var exception in exceptions)
        {
            Expression? what = null;
            if (exception.Patch is { } patch)
            {
                var id = Lower(Column(nameof(ComplianceFindingRow.PatchId)));
                what = patch.EndsWith('*')
                    ? Expression.Call(id, typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!, Parameter(patch[..^1].ToLowerInvariant()))
                    : Expression.Equal(id, Parameter(patch.ToLowerInvariant()));
            }

            if (exception.Cve is { } cve)
            {
                // The CVE ids are kept comma-separated; commas around both sides match whole ids only.
                var list = Expression.Call(
                    typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string), typeof(string)])!,
                    Expression.Constant(","), Lower(Column(nameof(ComplianceFindingRow.CveIds))), Expression.Constant(","));
                var named = Expression.Call(list, typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!, Parameter("," + cve.ToLowerInvariant() + ","));
                what = what is null ? named : Expression.OrElse(what, named);
            }

            if (what is null)
            {
                continue;
            }

            var covers = exception.Server is { } server
                ? Expression.AndAlso(Expression.Equal(Column(nameof(ComplianceFindingRow.ServerId)), Parameter(server)), what)
                : what;
            any = any is null ? covers : Expression.OrElse(any, covers);
        }

        return any;
    }

    private static MemberExpression Column(string name) => Expression.Property(Finding, name);

    private static MethodCallExpression Lower(Expression text) => Expression.Call(text, typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!);

    private static ConstantExpression Code(SlaStatus status) => Expression.Constant((int)status);

    // A member of a captured object, as a closure's variable is: EF sends it as a query parameter, not as a literal.
    private static MemberExpression Parameter<T>(T value) =>
        Expression.Property(Expression.Constant(new QueryValue<T>(value)), nameof(QueryValue<T>.Value));
}
