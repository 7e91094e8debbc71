namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>How the evidence of a change is attached: as data for programs, as a report for people.</summary>
public enum EvidenceFormat
{
    Json,
    Markdown,
}
