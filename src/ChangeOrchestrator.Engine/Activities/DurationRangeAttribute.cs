namespace ChangeOrchestrator.Engine.Activities;

/// <summary>Bounds of a duration input as ISO 8601 durations (e.g. PT1S, P30D); either may be null.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class DurationRangeAttribute(string? minimum, string? maximum) : Attribute
{
    public string? Minimum { get; } = minimum;

    public string? Maximum { get; } = maximum;
}
