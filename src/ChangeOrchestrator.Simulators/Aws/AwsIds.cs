using System.Globalization;

namespace ChangeOrchestrator.Simulators.Aws;

/// <summary>Identifiers in AWS formats, drawn from the world's seeded random so that a re-seeded world repeats them.</summary>
internal sealed class AwsIds(Random random)
{
    public string Hex17(string prefix) => prefix + "0" + Hex(16);

    /// <summary>Chance draws of the simulation come from the same seeded source as its ids.</summary>
    public double NextDouble() => random.NextDouble();

    public string Guid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    private string Hex(int length)
    {
        Span<byte> bytes = stackalloc byte[(length + 1) / 2];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes)[..length];
    }

    /// <summary>A 16-hex-digit id unique per (seed, index), so 50,000 generated ids never collide.</summary>
    public static string FromIndex(string prefix, int seed, int index, int salt)
    {
        var mixed = SplitMix((((ulong)(uint)seed) << 32) ^ (uint)index ^ ((ulong)(uint)salt << 48));
        return prefix + "0" + mixed.ToString("x16", CultureInfo.InvariantCulture);
    }

    // A bijection on 64-bit values: distinct inputs give distinct ids.
    private static ulong SplitMix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
