using System.Text;

namespace ChangeOrchestrator.Server.Http;

/// <summary>Reads a raw text body with a size limit (definitions are validated from their exact text).</summary>
internal static class RequestBody
{
    public const int MaxDefinitionBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<string?> ReadTextAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        // The configured limit of the endpoint (Api:Limits) wins over the caller's default.
        if (request.HttpContext.Features.Get<RequestBodyLimit>() is { } configured)
        {
            maxBytes = (int)Math.Min(configured.Bytes, int.MaxValue);
        }

        if (await BoundedBody.ReadAsync(request, maxBytes, cancellationToken) is not { } bytes)
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            // Replacing bad bytes would change what the caller sent; refuse it and say where it broke.
            throw new BadHttpRequestException($"The body is not valid UTF-8 (at byte {ex.Index}).", StatusCodes.Status400BadRequest, ex);
        }
    }
}
