using ChangeOrchestrator.Engine.Definitions;

namespace ChangeOrchestrator.Web.Designer;

/// <summary>What a save or publish did: saved, refused as stale (with what is current now), invalid, or not allowed.</summary>
public sealed record DesignerSaveResult
{
    public static DesignerSaveResult Denied { get; } = new() { Message = "You may not change workflows: it needs the Designer or Admin role." };

    public bool Succeeded { get; init; }

    public string? Message { get; init; }

    /// <summary>The draft revision saved, or the one now current after a refused save.</summary>
    public int DraftRevision { get; init; }

    public int? PublishedVersion { get; init; }

    /// <summary>When the save was stale: the newer text someone else saved, to show the difference.</summary>
    public string? CurrentText { get; init; }

    public IReadOnlyList<DefinitionError> Errors { get; init; } = [];
}
