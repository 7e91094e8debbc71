using System.Net;

namespace ChangeOrchestrator.Connectors.Aws.RateLimits;

/// <summary>
/// An answer's body read whole into segments of <see cref="SegmentSize"/> bytes. <c>LoadIntoBufferAsync</c> keeps a
/// body in one array: a page of a thousand EC2 instances is megabytes, so every such page was an array of the large
/// object heap, which only a full collection frees, and a 10,000-server change reads hundreds of them.
/// </summary>
internal sealed class SegmentedContent : HttpContent
{
    /// <summary>Below the large object heap's threshold (85,000 bytes).</summary>
    public const int SegmentSize = 64 * 1024;

    private readonly List<byte[]> _segments;
    private readonly long _length;

    private SegmentedContent(List<byte[]> segments, long length)
    {
        _segments = segments;
        _length = length;
    }

    /// <summary>Reads <paramref name="content"/> to its end and returns a copy holding its bytes and headers.</summary>
    public static async Task<SegmentedContent> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var segments = new List<byte[]>();
        long length = 0;
        await using (var body = await content.ReadAsStreamAsync(cancellationToken))
        {
            while (true)
            {
                var segment = new byte[SegmentSize];
                var filled = 0;
                int read;
                while (filled < segment.Length && (read = await body.ReadAsync(segment.AsMemory(filled), cancellationToken)) > 0)
                {
                    filled += read;
                }

                if (filled > 0)
                {
                    segments.Add(filled == segment.Length ? segment : segment[..filled]);
                    length += filled;
                }

                if (filled < segment.Length)
                {
                    break;
                }
            }
        }

        var copy = new SegmentedContent(segments, length);
        foreach (var (name, values) in content.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        // The length is what was read (a compressed answer's header named its compressed size).
        copy.Headers.ContentLength = length;
        return copy;
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        foreach (var segment in _segments)
        {
            await stream.WriteAsync(segment, cancellationToken);
        }
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new SegmentStream(_segments, _length));

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }
}
