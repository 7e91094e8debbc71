using System.Linq.Expressions;
using ChangeOrchestrator.Patching.Compliance.Slas;
using ChangeOrchestrator.Patching.Policies;

namespace ChangeOrchestrator.Persistence.Compliance;

/// <summary>
/// The SLA rules of <see cref="SlaEvaluator.Judge"/> as SQL expressions over an open finding, so the SLA list is
/// filtered, ordered and paged by the database. Each severity's status is two integer comparisons of the clock's start
/// (ticks) with thresholds worked out here from now, the severity's days and the due-soon margin; the due date, for the
/// order, is the clock's start plus the severity's days; an active exception comes first. The moment, thresholds and
/// exceptions' texts are query parameters; the severities' days are literals (the policy's shape changes rarely, so
/// the compiled queries stay few).
/// </summary>
internal static class SlaSql
{
    private static readonly ParameterExpression Finding = Expression.Parameter(typeof(ComplianceFindingRow), "f");

    public static Expression<Func<ComplianceFindingRow, JudgedFinding>> Judge(SlaRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var clock = Column(nameof(ComplianceFindingRow.ClockStartTicks));
        Expression due = Expression.Constant(SlaListKey.NoDueDate);
        Expression status = Code(SlaStatus.NoSla);
        foreach (var (name, days) in rules.DaysBySeverity)
        {
            var sla = days * SlaRules.TicksPerDay;
            var breached = Parameter(rules.Now.UtcTicks - sla);
            var dueSoon = Parameter(rules.Now.UtcTicks + (rules.DueSoonDays * SlaRules.TicksPerDay) - sla);
            var isSeverity = SeverityIs(name);
            due = Expression.Condition(isSeverity, Expression.Add(clock, Expression.Constant(sla)), due);
            status = Expression.Condition(
                isSeverity,
                Expression.Condition(
                    Expression.LessThanOrEqual(clock, breached),
                    Code(SlaStatus.Breached),
                    Expression.Condition(Expression.LessThanOrEqual(clock, dueSoon), Code(SlaStatus.DueSoon), Code(SlaStatus.WithinSla))),
                status);
        }

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

    /// <summary>
    /// The finding's severity, whether it is excepted, and its clock's start: what its SLA status depends on. Counting
    /// open findings by these (few distinct values) leaves the status to <see cref="SlaEvaluator"/>'s rules per group.
    /// </summary>
    public static Expression<Func<ComplianceFindingRow, SlaBucket>> Bucket(SlaRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Expression.Lambda<Func<ComplianceFindingRow, SlaBucket>>(
            Expression.MemberInit(
                Expression.New(typeof(SlaBucket)),
                Expression.Bind(typeof(SlaBucket).GetProperty(nameof(SlaBucket.Severity))!, Column(nameof(ComplianceFindingRow.Severity))),
                Expression.Bind(typeof(SlaBucket).GetProperty(nameof(SlaBucket.Excepted))!, Covered(rules.Exceptions) ?? Expression.Constant(false)),
                Expression.Bind(typeof(SlaBucket).GetProperty(nameof(SlaBucket.ClockStartTicks))!, Column(nameof(ComplianceFindingRow.ClockStartTicks)))),
            Finding);
    }

    // The stored spelling first, so the usual finding (severity as the policy writes it) skips lower(); any case matches.
    private static BinaryExpression SeverityIs(string name)
    {
        var severity = Expression.Coalesce(Column(nameof(ComplianceFindingRow.Severity)), Expression.Constant(SlaEvaluator.UnknownSeverity));
        return Expression.OrElse(Expression.Equal(severity, Expression.Constant(name)), Expression.Equal(Lower(severity), Expression.Constant(name.ToLowerInvariant())));
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
                what = what is null ? NamesCve(cve) : Expression.OrElse(what, NamesCve(cve));
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

    /// <summary>
    /// Whether the comma-separated CVE ids name <paramref name="cve"/> in any case. The part after its last letter
    /// (the year and number) must then appear as written, a cheap test that spares most rows the lowered copy.
    /// </summary>
    private static Expression NamesCve(string cve)
    {
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        var list = Expression.Call(
            typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string), typeof(string)])!,
            Expression.Constant(","), Lower(Column(nameof(ComplianceFindingRow.CveIds))), Expression.Constant(","));
        Expression named = Expression.Call(list, contains, Parameter("," + cve.ToLowerInvariant() + ","));
        var tail = cve[(cve.AsSpan().LastIndexOfAnyInRange('A', 'z') + 1)..];
        return tail.Length == 0 ? named : Expression.AndAlso(Expression.Call(Column(nameof(ComplianceFindingRow.CveIds)), contains, Parameter(tail)), named);
    }

    private static MemberExpression Column(string name) => Expression.Property(Finding, name);

    private static MethodCallExpression Lower(Expression text) => Expression.Call(text, typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!);

    private static ConstantExpression Code(SlaStatus status) => Expression.Constant((int)status);

    // A member of a captured object, as a closure's variable is: EF sends it as a query parameter, not as a literal.
    private static MemberExpression Parameter<T>(T value) =>
        Expression.Property(Expression.Constant(new QueryValue<T>(value)), nameof(QueryValue<T>.Value));
}
