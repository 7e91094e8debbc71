using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ChangeOrchestrator.Engine.Results;

/// <summary>
/// Which stored lists an expression reads item by item, found from its text. A list the expression only hands on
/// (the whole result, the value of a field or an element, an argument of <c>concatLists</c>, a branch of <c>? :</c>) or only counts (<c>.length</c>)
/// stays a reference: the activity that receives it reads the items, and a 10,000-server list never enters the
/// JavaScript sandbox. Any other use (<c>.map</c>, <c>.join</c>, <c>[0]</c>, a spread, <c>?? []</c>, a constant
/// <c>const ids = ...;</c>) reads the items, and the list is loaded for this evaluation.
/// </summary>
internal static partial class ItemReads
{
    // Found once per expression text, as expressions are compiled once: the cache starts over past its bound.
    private const int MaxCached = 1024;
    private static readonly ConcurrentDictionary<string, IReadOnlyList<ItemRead>> Cache = new(StringComparer.Ordinal);

    public static IReadOnlyList<ItemRead> Of(string expression)
    {
        if (Cache.TryGetValue(expression, out var cached))
        {
            return cached;
        }

        if (Cache.Count >= MaxCached)
        {
            Cache.Clear();
        }

        return Cache[expression] = Find(expression);
    }

    private static List<ItemRead> Find(string expression)
    {
        var reads = new List<ItemRead>();
        foreach (Match match in Path().Matches(expression))
        {
            var segments = match.Groups["segment"].Captures.Select(c => Segment(c.Value)).ToList();
            if (segments.Count == 0)
            {
                continue;
            }

            var spread = expression.AsSpan(0, match.Index).TrimEnd().EndsWith("...", StringComparison.Ordinal);
            var end = match.Index + match.Length;
            var handsOn = HandsOn(expression, end) || (expression.AsSpan(end).TrimStart().StartsWith(")") && IsConcatArgument(expression, match.Index));
            if (spread || !handsOn)
            {
                reads.Add(new ItemRead(match.Groups["root"].Value, segments));
            }
        }

        return reads;
    }

    /// <summary>True when what follows the path only passes its value on.</summary>
    private static bool HandsOn(string expression, int end)
    {
        var rest = expression.AsSpan(end).TrimStart();
        if (rest.IsEmpty)
        {
            return true;
        }

        return rest[0] switch
        {
            ',' or '}' or ']' or ':' => true,
            '?' => rest.Length > 1 && rest[1] is not '?' and not '.',
            '=' or '!' => rest.Length > 1 && rest[1] == '=',
            _ => false,
        };
    }

    /// <summary>True when the path is an argument of <c>concatLists</c>, which joins references without reading them.</summary>
    private static bool IsConcatArgument(string expression, int start)
    {
        var depth = 0;
        for (var i = start - 1; i >= 0; i--)
        {
            switch (expression[i])
            {
                case ')' or ']' or '}':
                    depth++;
                    break;
                case '(' when depth == 0:
                    return expression.AsSpan(0, i).TrimEnd().EndsWith("concatLists", StringComparison.Ordinal);
                case '(' or '[' or '{':
                    depth--;
                    if (depth < 0)
                    {
                        return false;
                    }

                    break;
            }
        }

        return false;
    }

    private static string Segment(string text)
    {
        var trimmed = text.Trim().TrimStart('?').TrimStart('.').Trim();
        return trimmed.StartsWith('[') ? trimmed.Trim('[', ']', ' ', '\'', '"') : trimmed;
    }

    [GeneratedRegex(@"(?<![\w$])(?<!(?<!\.)\.)(?<root>steps|vars)(?<segment>\s*\??\.\s*[A-Za-z_$][\w$]*|\s*(?:\?\.)?\[\s*['""][^'""]+['""]\s*\])*")]
    private static partial Regex Path();
}
