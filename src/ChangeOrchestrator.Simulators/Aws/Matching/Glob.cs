namespace ChangeOrchestrator.Simulators.Aws.Matching;

/// <summary>
/// The <c>*</c> and <c>?</c> wildcards AWS filters accept; where the service allows it (EC2 filters), a backslash makes
/// the next character (<c>\*</c>, <c>\?</c>, <c>\\</c>) stand for itself.
/// </summary>
internal static class Glob
{
    public static bool IsMatch(string pattern, string value, bool ignoreCase = true, bool backslashEscapes = false)
    {
        if (pattern == "*")
        {
            return true;
        }

        if (backslashEscapes && pattern.Contains('\\', StringComparison.Ordinal))
        {
            return IsEscapedMatch(pattern, value, ignoreCase);
        }

        var p = 0;
        var v = 0;
        var star = -1;
        var mark = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || CharEquals(pattern[p], value[v], ignoreCase)))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>The same walk over a pattern read as tokens: a wildcard, or a character that must match (escaped or not).</summary>
    private static bool IsEscapedMatch(string pattern, string value, bool ignoreCase)
    {
        var tokens = new List<(char Char, bool Wildcard)>();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                tokens.Add((pattern[++i], false));
            }
            else
            {
                tokens.Add((pattern[i], pattern[i] is '*' or '?'));
            }
        }

        var p = 0;
        var v = 0;
        var star = -1;
        var mark = 0;
        while (v < value.Length)
        {
            if (p < tokens.Count && ((tokens[p].Wildcard && tokens[p].Char == '?') || (!tokens[p].Wildcard && CharEquals(tokens[p].Char, value[v], ignoreCase))))
            {
                p++;
                v++;
            }
            else if (p < tokens.Count && tokens[p] is { Wildcard: true, Char: '*' })
            {
                star = p++;
                mark = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < tokens.Count && tokens[p] is { Wildcard: true, Char: '*' })
        {
            p++;
        }

        return p == tokens.Count;
    }

    private static bool CharEquals(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
