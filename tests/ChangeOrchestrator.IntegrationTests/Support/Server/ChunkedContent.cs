using System.Net;
using System.Net.Http.Headers;

namespace ChangeOrchestrator.IntegrationTests.Support.Server;

/// <summary>A body sent without Content-Length (chunked), so only a limit on what the server reads can stop it.</summary>
public sealed class ChunkedContent : HttpContent
{
    private readonly byte[] _bytes;

    public ChunkedContent(byte[] bytes, string? contentType)
    {
        _bytes = bytes;
        if (contentType is not null)
        {
            Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
