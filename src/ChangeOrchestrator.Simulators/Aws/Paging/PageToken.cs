using System.Globalization;
using System.Text;

namespace ChangeOrchestrator.Simulators.Aws.Paging;

/// <summary>
/// Opaque NextToken values: a base64 position, which is all a client may rely on. <see cref="Slice{T}"/> pages a result
/// already built and its position counts results; <see cref="Scan{T}"/> filters as it pages and its position counts
/// the items examined.
/// </summary>
internal static class PageToken
{
    private const string Prefix = "sim-offset:";

    public static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string? token, out int offset)
    {
        offset = 0;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>One page of <paramref name="items"/>; the last page carries no token, never an empty one.</summary>
    public static Page<T> Slice<T>(IReadOnlyList<T> items, int offset, int pageSize)
    {
        var start = Math.Min(offset, items.Count);
        var count = Math.Min(pageSize, items.Count - start);
        var page = new List<T>(count);
        for (var i = start; i < start + count; i++)
        {
            page.Add(items[i]);
        }

        var next = start + count < items.Count ? Encode(start + count) : null;
        return new Page<T>(page, next);
    }

    /// <summary>
    /// One page of the items of <paramref name="source"/> that <paramref name="matches"/> accepts, from
    /// <paramref name="position"/> in the source (0, or an earlier page's token). A service's cursor resumes where the
    /// last page ended: a page examines the items up to its last match and the next, never everything before it, so
    /// listing 50,000 tagged servers of a 100,000-server fleet 50 at a time examines each server about once rather
    /// than once per page. The last page carries no token, never an empty one.
    /// </summary>
    public static Page<T> Scan<T>(IReadOnlyList<T> source, Func<T, bool> matches, int position, int pageSize)
    {
        var page = new List<T>(Math.Min(pageSize, 1000));
        var i = Math.Max(position, 0);
        for (; i < source.Count && page.Count < pageSize; i++)
        {
            if (matches(source[i]))
            {
                page.Add(source[i]);
            }
        }

        for (; i < source.Count; i++)
        {
            if (matches(source[i]))
            {
                return new Page<T>(page, Encode(i));
            }
        }

        return new Page<T>(page, null);
    }
}
