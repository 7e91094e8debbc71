using System.Net;
using System.Net.Http.Headers;
using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.Connectors.Uploads;

/// <summary>
/// A request body written by its <see cref="EvidenceContent"/> straight into the connection as it is sent, with no
/// declared length (chunked): nothing of it is buffered beyond what the writer holds, so a file of any size costs
/// the same memory. Each send writes it anew, so a retried request carries the same bytes.
/// </summary>
internal sealed class StreamedUploadContent : HttpContent
{
    private readonly EvidenceContent _content;

    public StreamedUploadContent(EvidenceContent content)
    {
        _content = content;
        Headers.ContentType = MediaTypeHeaderValue.Parse(content.ContentType);
    }

    /// <summary>How many bytes the last send wrote.</summary>
    public long BytesWritten { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var counted = new CountingStream(stream);
        await _content.WriteToAsync(counted, cancellationToken);
        BytesWritten = counted.Written;
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    /// <summary>Passes writes through, counting them.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => Written;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Written += count;
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            Written += buffer.Length;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
