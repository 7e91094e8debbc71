namespace ChangeOrchestrator.Engine.Activities;

/// <summary>Names and describes an activity type in the catalogue the designer reads.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string description) : Attribute
{
    public string Description { get; } = description;

    /// <summary>The type name used in workflow files; the class name when not set.</summary>
    public string? Type { get; init; }

    public string Category { get; init; } = "General";
}
