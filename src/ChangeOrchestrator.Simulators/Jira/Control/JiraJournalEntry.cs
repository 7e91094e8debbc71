namespace ChangeOrchestrator.Simulators.Jira.Control;

/// <summary>One request as received (headers include Authorization: tests assert what the client sent).</summary>
internal sealed class JiraJournalEntry
{
    public required long Sequence { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Route { get; init; }

    public required string Method { get; init; }

    public required string Path { get; init; }

    public required string Query { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public string? Body { get; init; }

    public int? Status { get; set; }
}
