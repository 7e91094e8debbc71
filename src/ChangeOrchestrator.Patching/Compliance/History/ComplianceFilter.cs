namespace ChangeOrchestrator.Patching.Compliance.History;

/// <summary>The dashboard's filters; a null field matches everything.</summary>
public sealed record ComplianceFilter
{
    public string? PatchGroup { get; init; }

    public string? Environment { get; init; }

    public string? OperatingSystem { get; init; }

    public static ComplianceFilter All { get; } = new();
}
