namespace ChangeOrchestrator.Simulators.Jira.Search;

/// <summary>
/// Recursive-descent parser for the JQL subset the connectors and webhook filters use: clauses joined by AND, OR, NOT
/// and parentheses; =, !=, ~, !~, IN, NOT IN, IS [NOT] EMPTY, &lt;, &lt;=, &gt;, &gt;=; ORDER BY.
/// </summary>
internal sealed class JqlParser
{
    private readonly List<JqlToken> _tokens;
    private int _position;

    private JqlParser(string jql) => _tokens = JqlTokenizer.Tokenize(jql);

    private JqlToken Current => _tokens[_position];

    public static JqlQuery Parse(string? jql)
    {
        var parser = new JqlParser(jql ?? "");
        return parser.ParseQuery();
    }

    private JqlQuery ParseQuery()
    {
        JqlExpression? where = null;
        if (Current.Kind != JqlTokenKind.End && !Current.IsKeyword("ORDER"))
        {
            where = ParseOr();
        }

        var order = new List<JqlOrder>();
        if (Current.IsKeyword("ORDER"))
        {
            _position++;
            Expect("BY");
            do
            {
                var field = TakeValue("a field name");
                var descending = false;
                if (Current.IsKeyword("DESC") || Current.IsKeyword("ASC"))
                {
                    descending = Current.IsKeyword("DESC");
                    _position++;
                }

                order.Add(new JqlOrder(field, descending));
            }
            while (TryTake(JqlTokenKind.Comma));
        }

        if (Current.Kind != JqlTokenKind.End)
        {
            throw Unexpected("the end of the query");
        }

        return new JqlQuery(where, order);
    }

    private JqlExpression ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsKeyword("OR"))
        {
            _position++;
            left = new JqlOr(left, ParseAnd());
        }

        return left;
    }

    private JqlExpression ParseAnd()
    {
        var left = ParseNot();
        while (Current.IsKeyword("AND"))
        {
            _position++;
            left = new JqlAnd(left, ParseNot());
        }

        return left;
    }

    private JqlExpression ParseNot()
    {
        if (Current.IsKeyword("NOT"))
        {
            _position++;
            return new JqlNot(ParseNot());
        }

        if (TryTake(JqlTokenKind.OpenParen))
        {
            var inner = ParseOr();
            if (!TryTake(JqlTokenKind.CloseParen))
            {
                throw Unexpected("')'");
            }

            return inner;
        }

        return ParseClause();
    }

    private JqlClause ParseClause()
    {
        var field = TakeValue("a field name");
        if (Current.Kind == JqlTokenKind.Operator)
        {
            var op = Current.Text switch
            {
                "=" => JqlOperator.Equals,
                "!=" => JqlOperator.NotEquals,
                "~" => JqlOperator.Contains,
                "!~" => JqlOperator.NotContains,
                ">" => JqlOperator.Greater,
                ">=" => JqlOperator.GreaterOrEqual,
                "<" => JqlOperator.Less,
                _ => JqlOperator.LessOrEqual,
            };
            _position++;
            return new JqlClause(field, op, [TakeValue("a value")]);
        }

        if (Current.IsKeyword("IN"))
        {
            _position++;
            return new JqlClause(field, JqlOperator.In, ParseList());
        }

        if (Current.IsKeyword("NOT"))
        {
            _position++;
            Expect("IN");
            return new JqlClause(field, JqlOperator.NotIn, ParseList());
        }

        if (Current.IsKeyword("IS"))
        {
            _position++;
            var negated = false;
            if (Current.IsKeyword("NOT"))
            {
                negated = true;
                _position++;
            }

            if (!Current.IsKeyword("EMPTY") && !Current.IsKeyword("NULL"))
            {
                throw Unexpected("EMPTY or NULL");
            }

            _position++;
            return new JqlClause(field, negated ? JqlOperator.IsNotEmpty : JqlOperator.IsEmpty, []);
        }

        throw Unexpected("an operator");
    }

    private List<string> ParseList()
    {
        if (!TryTake(JqlTokenKind.OpenParen))
        {
            throw Unexpected("'('");
        }

        var values = new List<string> { TakeValue("a value") };
        while (TryTake(JqlTokenKind.Comma))
        {
            values.Add(TakeValue("a value"));
        }

        if (!TryTake(JqlTokenKind.CloseParen))
        {
            throw Unexpected("')'");
        }

        return values;
    }

    private string TakeValue(string expected)
    {
        var token = Current;
        if (token.Kind is not (JqlTokenKind.Word or JqlTokenKind.String))
        {
            throw Unexpected(expected);
        }

        _position++;
        if (token.Kind == JqlTokenKind.Word && Current.Kind == JqlTokenKind.OpenParen)
        {
            throw new JqlException($"Error in the JQL Query: Unable to find JQL function '{token.Text}()'.");
        }

        return token.Text;
    }

    private void Expect(string keyword)
    {
        if (!Current.IsKeyword(keyword))
        {
            throw Unexpected(keyword);
        }

        _position++;
    }

    private bool TryTake(JqlTokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _position++;
        return true;
    }

    private JqlException Unexpected(string expected)
    {
        var found = Current.Kind == JqlTokenKind.End ? "the end of the query" : $"'{Current.Text}'";
        return new JqlException($"Error in the JQL Query: Expecting {expected} but got {found}. (line 1, character {Current.Position + 1})");
    }
}
