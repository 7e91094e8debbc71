using System.Buffers;

namespace ChangeOrchestrator.Simulators.Aws.Matching;

/// <summary>
/// The <c>*</c> and <c>?</c> wildcards AWS filters accept; where the service allows it (EC2 filters), a backslash makes
/// the next character (<c>\*</c>, <c>\?</c>, <c>\\</c>) stand for itself.
/// </summary>
internal static class Glob
{
    private static readonly SearchValues<char> Special = SearchValues.Create("*?\\");

    public static bool IsMatch(string pattern, string value, bool ignoreCase = true, bool backslashEscapes = false)
    {
        if (pattern == "*")
        {
            return true;
        }

        // Most patterns are plain words ("Security", "Critical"): compared as words, not tokenized for every value.
        if (pattern.AsSpan().IndexOfAny(Special) < 0)
        {
            return string.Equals(pattern, value, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }

        var tokens = Tokens(pattern, backslashEscapes);
        var p = 0;
        var v = 0;
        var star = -1;
        var mark = 0;
        while (v < value.Length)
        {
            if (p < tokens.Length && (tokens[p] is { Wildcard: true, Char: '?' } || (!tokens[p].Wildcard && CharEquals(tokens[p].Char, value[v], ignoreCase))))
            {
                p++;
                v++;
            }
            else if (p < tokens.Length && tokens[p] is { Wildcard: true, Char: '*' })
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

        while (p < tokens.Length && tokens[p] is { Wildcard: true, Char: '*' })
        {
            p++;
        }

        return p == tokens.Length;
    }

    /// <summary>The pattern as tokens: a wildcard, or a character that must match (escaped or not).</summary>
    private static (char Char, bool Wildcard)[] Tokens(string pattern, bool backslashEscapes)
    {
        var tokens = new List<(char Char, bool Wildcard)>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (backslashEscapes && pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                tokens.Add((pattern[++i], false));
            }
            else
            {
                tokens.Add((pattern[i], pattern[i] is '*' or '?'));
            }
        }

        return [.. tokens];
    }

    private static bool CharEquals(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
