using System.Globalization;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Search;

/// <summary>Checks a parsed query against the site (unknown fields, unsupported operators, unknown values) and runs it.</summary>
internal sealed class JqlEvaluator(JiraSite site, DateTimeOffset now)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm"];

    /// <summary>Parses and checks in one go; throws <see cref="JqlException"/> with Jira's message.</summary>
    public JqlQuery Compile(string? jql)
    {
        var query = JqlParser.Parse(jql);
        Check(query.Where);
        foreach (var order in query.OrderBy)
        {
            _ = Field(order.Field);
        }

        return query;
    }

    public bool Matches(JqlExpression? expression, JiraIssue issue) => expression switch
    {
        null => true,
        JqlAnd and => Matches(and.Left, issue) && Matches(and.Right, issue),
        JqlOr or => Matches(or.Left, issue) || Matches(or.Right, issue),
        JqlNot not => !Matches(not.Inner, issue),
        JqlClause clause => Matches(clause, issue),
        _ => false,
    };

    public IEnumerable<JiraIssue> Order(IEnumerable<JiraIssue> issues, IReadOnlyList<JqlOrder> orderBy)
    {
        if (orderBy.Count == 0)
        {
            return issues.OrderByDescending(i => i.Number);
        }

        IOrderedEnumerable<JiraIssue>? ordered = null;
        foreach (var order in orderBy)
        {
            var key = SortKey(order.Field);
            ordered = (ordered, order.Descending) switch
            {
                (null, false) => issues.OrderBy(key, SortKeyComparer.Instance),
                (null, true) => issues.OrderByDescending(key, SortKeyComparer.Instance),
                (_, false) => ordered.ThenBy(key, SortKeyComparer.Instance),
                (_, true) => ordered.ThenByDescending(key, SortKeyComparer.Instance),
            };
        }

        return ordered!;
    }

    private Func<JiraIssue, IComparable?> SortKey(string name)
    {
        if (name.ToLowerInvariant() is "key" or "issuekey" or "id")
        {
            return i => i.Number;
        }

        var field = Field(name);
        return field.Type == JqlFieldType.Date
            ? i => field.Values(i).Select(ParseStored).FirstOrDefault()
            : i => field.Values(i).FirstOrDefault();
    }

    private void Check(JqlExpression? expression)
    {
        switch (expression)
        {
            case JqlAnd and:
                Check(and.Left);
                Check(and.Right);
                break;
            case JqlOr or:
                Check(or.Left);
                Check(or.Right);
                break;
            case JqlNot not:
                Check(not.Inner);
                break;
            case JqlClause clause:
                Check(clause);
                break;
        }
    }

    private void Check(JqlClause clause)
    {
        var field = Field(clause.Field);
        var supported = field.Type switch
        {
            JqlFieldType.Text => clause.Operator is JqlOperator.Contains or JqlOperator.NotContains or JqlOperator.IsEmpty or JqlOperator.IsNotEmpty,
            JqlFieldType.Date => clause.Operator is not (JqlOperator.Contains or JqlOperator.NotContains),
            _ => clause.Operator is JqlOperator.Equals or JqlOperator.NotEquals or JqlOperator.In or JqlOperator.NotIn or JqlOperator.IsEmpty or JqlOperator.IsNotEmpty,
        };
        if (!supported)
        {
            throw new JqlException($"The operator '{OperatorText(clause.Operator)}' is not supported by the '{clause.Field}' field.");
        }

        foreach (var value in clause.Values)
        {
            if (field.Type == JqlFieldType.Date && ParseOperand(value) is null)
            {
                throw new JqlException($"Date value '{value}' for field '{clause.Field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.");
            }

            if (field.KnownValues is { } known && !known.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                throw new JqlException($"The value '{value}' does not exist for the field '{clause.Field}'.");
            }
        }
    }

    private JqlField Field(string name) =>
        JqlFields.Resolve(name, site) ?? throw new JqlException($"Field '{name}' does not exist or you do not have permission to view it.");

    private bool Matches(JqlClause clause, JiraIssue issue)
    {
        var field = Field(clause.Field);
        var values = field.Values(issue);
        bool Equal(string operand) =>
            values.Contains(operand, StringComparer.OrdinalIgnoreCase)
            || (values.Count == 0 && string.Equals(operand, field.EmptyAlias, StringComparison.OrdinalIgnoreCase));

        if (field.Type == JqlFieldType.Date && clause.Values.Count == 1)
        {
            return MatchesDate(clause.Operator, values, ParseOperand(clause.Values[0])!.Value);
        }

        return clause.Operator switch
        {
            JqlOperator.Equals or JqlOperator.In => clause.Values.Any(Equal),
            JqlOperator.NotEquals or JqlOperator.NotIn => values.Count > 0 && !clause.Values.Any(Equal),
            JqlOperator.Contains => ContainsTerms(values, clause.Values[0]),
            JqlOperator.NotContains => !ContainsTerms(values, clause.Values[0]),
            JqlOperator.IsEmpty => values.Count == 0,
            JqlOperator.IsNotEmpty => values.Count > 0,
            _ => false,
        };
    }

    private static bool MatchesDate(JqlOperator op, IReadOnlyList<string> values, DateTimeOffset operand)
    {
        var dates = values.Select(ParseStored).OfType<DateTimeOffset>().ToList();
        return op switch
        {
            JqlOperator.Equals => dates.Any(d => d == operand),
            JqlOperator.NotEquals => dates.Count > 0 && dates.All(d => d != operand),
            JqlOperator.Greater => dates.Any(d => d > operand),
            JqlOperator.GreaterOrEqual => dates.Any(d => d >= operand),
            JqlOperator.Less => dates.Any(d => d < operand),
            JqlOperator.LessOrEqual => dates.Any(d => d <= operand),
            JqlOperator.IsEmpty => dates.Count == 0,
            _ => dates.Count > 0,
        };
    }

    /// <summary>Every term of the query must occur in the field (case-insensitive); a trailing * is a prefix wildcard.</summary>
    private static bool ContainsTerms(IReadOnlyList<string> values, string query)
    {
        var terms = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(t => t.TrimEnd('*')).Where(t => t.Length > 0).ToList();
        return terms.Count > 0 && terms.All(term => values.Any(v => v.Contains(term, StringComparison.OrdinalIgnoreCase)));
    }

    private DateTimeOffset? ParseOperand(string value)
    {
        if (DateTimeOffset.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date;
        }

        if (value.Length >= 3 && value[0] is '-' or '+' && int.TryParse(value[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            var span = value[^1] switch
            {
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                'w' => TimeSpan.FromDays(7 * amount),
                _ => (TimeSpan?)null,
            };
            return span is null ? null : value[0] == '-' ? now - span.Value : now + span.Value;
        }

        return null;
    }

    private static DateTimeOffset? ParseStored(string value) => JiraDates.TryParse(value, out var date) ? date : null;

    private static string OperatorText(JqlOperator op) => op switch
    {
        JqlOperator.Equals => "=",
        JqlOperator.NotEquals => "!=",
        JqlOperator.Contains => "~",
        JqlOperator.NotContains => "!~",
        JqlOperator.In => "in",
        JqlOperator.NotIn => "not in",
        JqlOperator.IsEmpty => "is",
        JqlOperator.IsNotEmpty => "is not",
        JqlOperator.Greater => ">",
        JqlOperator.GreaterOrEqual => ">=",
        JqlOperator.Less => "<",
        _ => "<=",
    };
}
