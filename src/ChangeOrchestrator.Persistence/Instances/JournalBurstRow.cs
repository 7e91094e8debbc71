using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Persistence.Database;

namespace ChangeOrchestrator.Persistence.Instances;

/// <summary>
/// The journal entries one commit appended, as one row: a burst of twenty activities writes one journal row instead
/// of forty, so its commit inserts, indexes and checks the instance's foreign key once. Entries are never changed.
/// </summary>
internal sealed class JournalBurstRow
{
    public required string InstanceId { get; init; }

    /// <summary>The sequence of the row's first entry.</summary>
    public required long FirstSequence { get; init; }

    /// <summary>The sequence of the row's last entry; the key, as the rows of an instance never overlap.</summary>
    public required long LastSequence { get; init; }

    /// <summary>The entries in sequence order, a JSON array of <see cref="StoredJournalEntry"/>.</summary>
    public required string Entries { get; init; }

    /// <summary>One row for the entries of one commit, which are of one instance.</summary>
    public static JournalBurstRow From(IReadOnlyList<JournalEntry> entries)
    {
        if (entries.Count == 0)
        {
            throw new ArgumentException("A journal row holds at least one entry.", nameof(entries));
        }

        var stored = new StoredJournalEntry[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            stored[i] = StoredJournalEntry.From(entries[i]);
        }

        Array.Sort(stored, static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return new JournalBurstRow
        {
            InstanceId = entries[0].InstanceId,
            FirstSequence = stored[0].Sequence,
            LastSequence = stored[^1].Sequence,
            Entries = StoredJson.Write(stored),
        };
    }

    public IReadOnlyList<JournalEntry> ToEntries()
    {
        var stored = StoredJson.Read<StoredJournalEntry[]>(Entries, $"journal of instance '{InstanceId}' up to entry {LastSequence}");
        return Array.ConvertAll(stored, e => e.ToEntry(InstanceId));
    }
}
