using System.Net.Http.Headers;
using ChangeOrchestrator.Connectors.Aws.RateLimits;

namespace ChangeOrchestrator.Connectors.Tests.Aws.RateLimits;

public sealed class SegmentedContentTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(SegmentedContent.SegmentSize)]
    [InlineData((3 * SegmentedContent.SegmentSize) + 17)]
    public async Task ReadAsync_BodyOfAnyLength_ReadsBackTheSameBytesAndHeaders(int length)
    {
        var body = new byte[length];
        new Random(length).NextBytes(body);
        using var received = new StreamContent(new TrickleStream(body));
        received.Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "UTF-8" };

        using var copy = await SegmentedContent.ReadAsync(received, CancellationToken.None);
        var whole = await copy.ReadAsByteArrayAsync();
        await using var stream = await copy.ReadAsStreamAsync();
        stream.Position = length / 2;
        var tail = new MemoryStream();
        var chunk = new byte[1_000];
        int read;
        while ((read = await stream.ReadAsync(chunk)) > 0)
        {
            tail.Write(chunk, 0, read);
        }

        Assert.Equal(body, whole);
        Assert.Equal(body[(length / 2)..], tail.ToArray());
        Assert.Equal(length, copy.Headers.ContentLength);
        Assert.Equal("text/xml; charset=UTF-8", copy.Headers.ContentType!.ToString());
    }

    /// <summary>A network stream's way of answering: a few hundred bytes at a time.</summary>
    private sealed class TrickleStream(byte[] body) : MemoryStream(body)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 777)], cancellationToken);
    }
}
