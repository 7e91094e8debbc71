using System.Globalization;
using System.Text;

namespace ChangeOrchestrator.Simulators.Aws.Paging;

/// <summary>Opaque NextToken values: a base64 offset into the ordered result, which is all a client may rely on.</summary>
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
}
