using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Persistence.Instances;

/// <summary>How one journal entry is kept inside its <see cref="JournalBurstRow"/>: the entry without its instance.</summary>
internal sealed record StoredJournalEntry(
    long Sequence,
    DateTimeOffset At,
    JournalEntryType Type,
    string? ActivityId,
    string? Message,
    JsonNode? Data)
{
    public static StoredJournalEntry From(JournalEntry entry) =>
        new(entry.Sequence, entry.At.ToUniversalTime(), entry.Type, entry.ActivityId, entry.Message, entry.Data);

    public JournalEntry ToEntry(string instanceId) => new(instanceId, Sequence, At.ToUniversalTime(), Type, ActivityId, Message, Data);
}
