using System.Globalization;

namespace ChangeOrchestrator.Engine.Results;

/// <summary>The position of a result item in the keyset order (activity, list, ordinal); written as an opaque token.</summary>
public sealed record ResultKey(string Activity, string Name, int Ordinal)
{
    public string ToToken() =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Ordinal.ToString(CultureInfo.InvariantCulture)}\n{Activity}\n{Name}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The key a token names, or null when the token is not one of ours.</summary>
    public static ResultKey? Parse(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('\n');
            return parts.Length == 3 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
                ? new ResultKey(parts[1], parts[2], ordinal)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
