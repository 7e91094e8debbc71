namespace ChangeOrchestrator.Web.Designer;

/// <summary>
/// A line-by-line comparison of two workflow files (longest common subsequence). Files are written one activity or
/// connection per line, so a line diff reads as a list of changed activities and connections.
/// </summary>
public static class TextDiff
{
    /// <summary>Lines the comparison refuses beyond, so a huge paste cannot tie up the server (the table is n × m).</summary>
    public const int MaxLines = 5000;

    public static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        var a = before.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var b = after.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        if (a.Length > MaxLines || b.Length > MaxLines)
        {
            return [new DiffLine('!', $"Too long to compare line by line (more than {MaxLines} lines).")];
        }

        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                lines.Add(new DiffLine(' ', a[x]));
                x++;
                y++;
            }
            else if (common[x + 1, y] >= common[x, y + 1])
            {
                lines.Add(new DiffLine('-', a[x++]));
            }
            else
            {
                lines.Add(new DiffLine('+', b[y++]));
            }
        }

        lines.AddRange(a[x..].Select(line => new DiffLine('-', line)));
        lines.AddRange(b[y..].Select(line => new DiffLine('+', line)));
        return lines;
    }
}
