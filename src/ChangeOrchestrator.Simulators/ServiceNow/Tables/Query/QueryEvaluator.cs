using System.Globalization;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables.Query;

/// <summary>
/// Runs an encoded query over a table. String comparisons ignore case, as on the instance's database; terms on
/// unknown fields are dropped unless the instance is set to return no rows for invalid queries.
/// </summary>
internal sealed class QueryEvaluator(FieldResolver resolver)
{
    public IEnumerable<ServiceNowRecord> Run(TableSchema schema, IEnumerable<ServiceNowRecord> rows, EncodedQuery query, bool invalidQueryReturnsNoRows)
    {
        var known = query.Alternatives
            .Select(clause => clause.Select(group => group.Where(c => resolver.Describe(schema, c.Field) is not null).ToList())
                .Where(group => group.Count > 0).ToList())
            .ToList();
        var hasUnknown = query.InvalidTerms.Count > 0
            || query.Alternatives.SelectMany(c => c).SelectMany(g => g).Any(c => resolver.Describe(schema, c.Field) is null);
        if (invalidQueryReturnsNoRows && hasUnknown)
        {
            return [];
        }

        var matches = rows.Where(row => known.Count == 0 || known.Any(clause => clause.All(group => group.Any(c => Matches(row, c)))));
        return Sort(schema, matches, query.Orders);
    }

    private IEnumerable<ServiceNowRecord> Sort(TableSchema schema, IEnumerable<ServiceNowRecord> rows, IReadOnlyList<QueryOrder> orders)
    {
        IOrderedEnumerable<ServiceNowRecord>? sorted = null;
        foreach (var order in orders)
        {
            var definition = resolver.Describe(schema, order.Field);
            if (definition is null)
            {
                continue;
            }

            var comparer = new FieldValueComparer(definition.IsNumeric);
            string Key(ServiceNowRecord r) => resolver.Resolve(r, order.Field)?.Raw ?? "";
            sorted = (sorted, order.Descending) switch
            {
                (null, false) => rows.OrderBy(Key, comparer),
                (null, true) => rows.OrderByDescending(Key, comparer),
                (_, false) => sorted.ThenBy(Key, comparer),
                (_, true) => sorted.ThenByDescending(Key, comparer),
            };
        }

        return sorted ?? rows;
    }

    private bool Matches(ServiceNowRecord row, QueryCondition condition)
    {
        var field = resolver.Resolve(row, condition.Field)!;
        var value = field.Raw;
        var comparer = new FieldValueComparer(field.Definition.IsNumeric);
        return condition.Operator switch
        {
            QueryOperator.Equals => comparer.Compare(value, condition.Value) == 0,
            QueryOperator.NotEquals => comparer.Compare(value, condition.Value) != 0,
            QueryOperator.Like => value.Contains(condition.Value, StringComparison.OrdinalIgnoreCase),
            QueryOperator.NotLike => !value.Contains(condition.Value, StringComparison.OrdinalIgnoreCase),
            QueryOperator.StartsWith => value.StartsWith(condition.Value, StringComparison.OrdinalIgnoreCase),
            QueryOperator.EndsWith => value.EndsWith(condition.Value, StringComparison.OrdinalIgnoreCase),
            QueryOperator.In => InList(value, condition.Value, comparer),
            QueryOperator.NotIn => !InList(value, condition.Value, comparer),
            QueryOperator.IsEmpty => value.Length == 0,
            QueryOperator.IsNotEmpty => value.Length > 0,
            QueryOperator.LessThan => value.Length > 0 && comparer.Compare(value, condition.Value) < 0,
            QueryOperator.LessOrEqual => value.Length > 0 && comparer.Compare(value, condition.Value) <= 0,
            QueryOperator.GreaterThan => value.Length > 0 && comparer.Compare(value, condition.Value) > 0,
            QueryOperator.GreaterOrEqual => value.Length > 0 && comparer.Compare(value, condition.Value) >= 0,
            _ => true,
        };
    }

    private static bool InList(string value, string list, FieldValueComparer comparer) =>
        list.Split(',').Any(item => comparer.Compare(value, item.Trim()) == 0);

    /// <summary>Numbers compare as numbers (state -5 sorts before 0), everything else as text ignoring case.</summary>
    private sealed class FieldValueComparer(bool numeric) : IComparer<string>
    {
        public int Compare(string? x, string? y)
        {
            if (numeric && TryNumber(x, out var a) && TryNumber(y, out var b))
            {
                return a.CompareTo(b);
            }

            return string.Compare(x, y, StringComparison.OrdinalIgnoreCase);
        }

        private static bool TryNumber(string? text, out decimal number) =>
            decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out number);
    }
}
