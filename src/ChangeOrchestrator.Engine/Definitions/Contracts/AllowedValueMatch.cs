namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>The answer of a source for one value: the value as it knows it, or null when the value is not allowed.</summary>
public sealed record AllowedValueMatch
{
    public AllowedValue? Value { get; init; }

    /// <summary>
    /// The values the source could list at no cost (already read), named in a refusal; null when listing them would
    /// take a read of its own.
    /// </summary>
    public AllowedValueSet? Known { get; init; }

    /// <summary>Why the value is not allowed, shown in the refusal when <see cref="Known"/> is null.</summary>
    public string? Reason { get; init; }

    /// <summary>The answer a full list gives for <paramref name="value"/>.</summary>
    public static AllowedValueMatch In(AllowedValueSet set, string value) => new() { Value = set.Find(value), Known = set };
}
