namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>
/// The last line of a work note written by the orchestrator: it tells people which run wrote it and lets a desk
/// connector find the note again instead of writing it twice.
/// </summary>
public static class WorkNoteReference
{
    public static string Line(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        return $"[change-orchestrator ref {reference}]";
    }
}
