namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>32 lowercase hex sys_ids from a seeded sequence, so a reset with the same seed replays the same ids.</summary>
internal sealed class SysIdGenerator(int seed)
{
    private readonly Random _random = new(seed);

    public string Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
