namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>What a host source allows now.</summary>
public sealed record AllowedValueSet
{
    public required IReadOnlyList<AllowedValue> Values { get; init; }

    /// <summary>Whether values match regardless of case (service desk names do; patch group tags do not).</summary>
    public bool IgnoreCase { get; init; }

    /// <summary>Why the set is empty when it is, e.g. which setting configures it; shown in the error.</summary>
    public string? EmptyHint { get; init; }

    public AllowedValue? Find(string value) =>
        Values.FirstOrDefault(v => string.Equals(v.Value, value, IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
}
