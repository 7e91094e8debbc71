namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>
/// Evidence is matched by file name to attach it once, and desks look names up in queries, so a name is a plain
/// file name: no folders, no control characters, no ServiceNow query separator (^).
/// </summary>
public static class EvidenceFileNames
{
    public const int MaxLength = 200;

    public static bool IsValid(string? fileName) =>
        !string.IsNullOrWhiteSpace(fileName)
        && fileName.Length <= MaxLength
        && fileName.Trim() == fileName
        && !fileName.Any(c => char.IsControl(c) || c is '/' or '\\' or '^');

    public static void EnsureValid(string? fileName)
    {
        if (!IsValid(fileName))
        {
            throw new ArgumentException($"'{fileName}' is not a plain file name of at most {MaxLength} characters (no folders, no ^).", nameof(fileName));
        }
    }
}
