using System.Text;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables.Query;

/// <summary>Parses the encoded-query syntax of sysparm_query (<c>^</c>, <c>^OR</c>, <c>^NQ</c>, <c>^^</c> for a literal caret).</summary>
internal static class EncodedQueryParser
{
    private static readonly (string Token, QueryOperator Operator)[] Operators =
    [
        ("!=", QueryOperator.NotEquals),
        ("<=", QueryOperator.LessOrEqual),
        (">=", QueryOperator.GreaterOrEqual),
        ("=", QueryOperator.Equals),
        ("<", QueryOperator.LessThan),
        (">", QueryOperator.GreaterThan),
        ("NOT LIKE", QueryOperator.NotLike),
        ("NOT IN", QueryOperator.NotIn),
        ("LIKE", QueryOperator.Like),
        ("STARTSWITH", QueryOperator.StartsWith),
        ("ENDSWITH", QueryOperator.EndsWith),
        ("ISNOTEMPTY", QueryOperator.IsNotEmpty),
        ("ISEMPTY", QueryOperator.IsEmpty),
        ("IN", QueryOperator.In),
        ("ANYTHING", QueryOperator.Anything),
    ];

    public static EncodedQuery Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return EncodedQuery.All;
        }

        var alternatives = new List<IReadOnlyList<IReadOnlyList<QueryCondition>>>();
        var clause = new List<List<QueryCondition>>();
        var orders = new List<QueryOrder>();
        var invalid = new List<string>();
        foreach (var raw in Tokenize(query))
        {
            var token = raw;
            if (token.StartsWith("NQ", StringComparison.Ordinal))
            {
                alternatives.Add(clause);
                clause = [];
                token = token[2..];
            }

            if (token.StartsWith("ORDERBYDESC", StringComparison.Ordinal))
            {
                orders.Add(new QueryOrder(token["ORDERBYDESC".Length..], Descending: true));
            }
            else if (token.StartsWith("ORDERBY", StringComparison.Ordinal))
            {
                orders.Add(new QueryOrder(token["ORDERBY".Length..], Descending: false));
            }
            else if (token is "EQ" or "" || token.StartsWith("GROUPBY", StringComparison.Ordinal))
            {
                continue;
            }
            else if (token.StartsWith("OR", StringComparison.Ordinal) && clause.Count > 0)
            {
                AddCondition(token[2..], clause[^1], invalid);
            }
            else
            {
                var group = new List<QueryCondition>();
                AddCondition(token.StartsWith("OR", StringComparison.Ordinal) ? token[2..] : token, group, invalid);
                if (group.Count > 0)
                {
                    clause.Add(group);
                }
            }
        }

        alternatives.Add(clause);
        return new EncodedQuery(alternatives, orders, invalid);
    }

    /// <summary>The condition a name=value query parameter stands for.</summary>
    public static QueryCondition Equality(string field, string value) => new(field, QueryOperator.Equals, value);

    private static void AddCondition(string term, List<QueryCondition> group, List<string> invalid)
    {
        var condition = ParseCondition(term);
        if (condition is null)
        {
            invalid.Add(term);
        }
        else
        {
            group.Add(condition);
        }
    }

    private static QueryCondition? ParseCondition(string term)
    {
        var fieldLength = 0;
        while (fieldLength < term.Length && IsFieldChar(term[fieldLength]))
        {
            fieldLength++;
        }

        if (fieldLength == 0)
        {
            return null;
        }

        var rest = term[fieldLength..];
        foreach (var (token, op) in Operators)
        {
            if (rest.StartsWith(token, StringComparison.Ordinal))
            {
                return new QueryCondition(term[..fieldLength], op, rest[token.Length..]);
            }
        }

        return null;
    }

    private static bool IsFieldChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.';

    private static List<string> Tokenize(string query)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < query.Length; i++)
        {
            if (query[i] != '^')
            {
                current.Append(query[i]);
            }
            else if (i + 1 < query.Length && query[i + 1] == '^')
            {
                current.Append('^');
                i++;
            }
            else
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        tokens.Add(current.ToString());
        return tokens;
    }
}
