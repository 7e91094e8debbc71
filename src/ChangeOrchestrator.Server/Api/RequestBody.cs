using System.Text;

namespace ChangeOrchestrator.Server.Api;

/// <summary>Reads a raw text body with a size limit (definitions are validated from their exact text).</summary>
internal static class RequestBody
{
    public const int MaxDefinitionBytes = 1024 * 1024;

    public static async Task<string?> ReadTextAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
