using System.Text;

namespace ChangeOrchestrator.Simulators.Jira.Search;

/// <summary>Splits JQL into words (field names, unquoted values, keywords), quoted strings, operators and punctuation.</summary>
internal static class JqlTokenizer
{
    public static List<JqlToken> Tokenize(string jql)
    {
        var tokens = new List<JqlToken>();
        var i = 0;
        while (i < jql.Length)
        {
            var c = jql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '"' or '\'')
            {
                i = ReadString(jql, i, tokens);
            }
            else if (c == '(')
            {
                tokens.Add(new JqlToken(JqlTokenKind.OpenParen, "(", i++));
            }
            else if (c == ')')
            {
                tokens.Add(new JqlToken(JqlTokenKind.CloseParen, ")", i++));
            }
            else if (c == ',')
            {
                tokens.Add(new JqlToken(JqlTokenKind.Comma, ",", i++));
            }
            else if (c is '=' or '!' or '~' or '<' or '>')
            {
                i = ReadOperator(jql, i, tokens);
            }
            else
            {
                i = ReadWord(jql, i, tokens);
            }
        }

        tokens.Add(new JqlToken(JqlTokenKind.End, "", jql.Length));
        return tokens;
    }

    private static int ReadString(string jql, int start, List<JqlToken> tokens)
    {
        var quote = jql[start];
        var text = new StringBuilder();
        var i = start + 1;
        while (i < jql.Length && jql[i] != quote)
        {
            if (jql[i] == '\\' && i + 1 < jql.Length)
            {
                i++;
            }

            text.Append(jql[i++]);
        }

        if (i >= jql.Length)
        {
            throw new JqlException($"Error in the JQL Query: The quoted string '{text}' has not been completed. (line 1, character {start + 1})");
        }

        tokens.Add(new JqlToken(JqlTokenKind.String, text.ToString(), start));
        return i + 1;
    }

    private static int ReadOperator(string jql, int start, List<JqlToken> tokens)
    {
        var two = start + 1 < jql.Length ? jql.Substring(start, 2) : "";
        var op = two is "!=" or "!~" or ">=" or "<=" ? two : jql[start].ToString();
        if (op == "!")
        {
            throw new JqlException($"Error in the JQL Query: The character '!' is a reserved JQL character. (line 1, character {start + 1})");
        }

        tokens.Add(new JqlToken(JqlTokenKind.Operator, op, start));
        return start + op.Length;
    }

    private static int ReadWord(string jql, int start, List<JqlToken> tokens)
    {
        var i = start;
        var depth = 0;
        while (i < jql.Length)
        {
            var c = jql[i];
            if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth--;
            }
            else if (depth == 0 && (char.IsWhiteSpace(c) || c is '(' or ')' or ',' or '=' or '!' or '~' or '<' or '>' or '"' or '\''))
            {
                break;
            }

            i++;
        }

        tokens.Add(new JqlToken(JqlTokenKind.Word, jql[start..i], start));
        return i;
    }
}
