namespace ChangeOrchestrator.Web.Admin;

/// <summary>A key just issued (the key itself, shown this once) or the reasons none was, by field.</summary>
public sealed record ApiKeyIssue
{
    public string? Key { get; init; }

    public ApiKeySummary? Summary { get; init; }

    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    public bool Succeeded => Key is not null;
}
