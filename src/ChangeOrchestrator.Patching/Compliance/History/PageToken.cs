using System.Buffers.Text;
using System.Text;

namespace ChangeOrchestrator.Patching.Compliance.History;

/// <summary>
/// The text of a keyset page token: the last row's sort key, each part base64url-encoded so a server or patch id of
/// any characters survives the query string, joined by dots.
/// </summary>
internal static class PageToken
{
    private const int MaxLength = 2048;

    public static string Join(params string[] parts) =>
        string.Join('.', parts.Select(p => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(p))));

    /// <summary>The parts of a token made by <see cref="Join"/>, or null when it is not one with <paramref name="count"/> parts.</summary>
    public static string[]? Split(string? token, int count)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != count)
        {
            return null;
        }

        var decoded = new string[count];
        for (var i = 0; i < count; i++)
        {
            if (!Base64Url.IsValid(parts[i]))
            {
                return null;
            }

            try
            {
                decoded[i] = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(parts[i]));
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        return decoded;
    }
}
