namespace ChangeOrchestrator.Connectors.Aws.RateLimits;

/// <summary>A read-only, seekable stream over the segments of a <see cref="SegmentedContent"/>.</summary>
internal sealed class SegmentStream(IReadOnlyList<byte[]> segments, long length) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, length);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var copied = 0;
        while (copied < buffer.Length && _position < length)
        {
            // Every segment but the last is full, so the position names its segment by division.
            var segment = segments[(int)(_position / SegmentedContent.SegmentSize)];
            var within = (int)(_position % SegmentedContent.SegmentSize);
            var count = Math.Min(buffer.Length - copied, segment.Length - within);
            segment.AsSpan(within, count).CopyTo(buffer[copied..]);
            copied += count;
            _position += count;
        }

        return copied;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
