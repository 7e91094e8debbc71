using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Persistence.Database;

namespace ChangeOrchestrator.Persistence.Instances;

/// <summary>One journal entry; appended by a burst commit, never changed.</summary>
internal sealed class JournalRow
{
    public required string InstanceId { get; init; }

    public required long Sequence { get; init; }

    public required DateTimeOffset At { get; init; }

    public required JournalEntryType Type { get; init; }

    public string? ActivityId { get; init; }

    public string? Message { get; init; }

    public string? Data { get; init; }

    public static JournalRow From(JournalEntry entry) => new()
    {
        InstanceId = entry.InstanceId,
        Sequence = entry.Sequence,
        At = entry.At.ToUniversalTime(),
        Type = entry.Type,
        ActivityId = entry.ActivityId,
        Message = entry.Message,
        Data = StoredJson.WriteNode(entry.Data),
    };

    public JournalEntry ToEntry() => new(InstanceId, Sequence, At, Type, ActivityId, Message, StoredJson.ReadNode(Data));
}
