using System.Security.Cryptography;

namespace ChangeOrchestrator.Connectors.Tests.ServiceDesk;

/// <summary>
/// An evidence file of a given size written 64 KiB at a time, as the evidence writers do, never held whole; the same
/// bytes at each write, so its hash can be compared with what the desk stored.
/// </summary>
internal sealed class GeneratedEvidence(int length)
{
    private const int Chunk = 64 * 1024;

    public async Task WriteAsync(Stream destination, CancellationToken cancellationToken)
    {
        var buffer = new byte[Chunk];
        for (var offset = 0; offset < length; offset += Chunk)
        {
            var count = Math.Min(Chunk, length - offset);
            Fill(buffer.AsSpan(0, count), offset);
            await destination.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
        }
    }

    public byte[] Hash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[Chunk];
        for (var offset = 0; offset < length; offset += Chunk)
        {
            var count = Math.Min(Chunk, length - offset);
            Fill(buffer.AsSpan(0, count), offset);
            hash.AppendData(buffer, 0, count);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>Printable text that differs from chunk to chunk, so a lost or repeated chunk changes the hash.</summary>
    private static void Fill(Span<byte> chunk, int offset)
    {
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i] = (byte)('a' + ((offset + i) * 7 / 3 % 26));
        }
    }
}
