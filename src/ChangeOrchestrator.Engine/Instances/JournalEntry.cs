using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Instances;

/// <summary>One line of an instance's append-only journal, the audit trail and the source of the instance viewer.</summary>
public sealed record JournalEntry(
    string InstanceId,
    long Sequence,
    DateTimeOffset At,
    JournalEntryType Type,
    string? ActivityId,
    string? Message,
    JsonNode? Data);
