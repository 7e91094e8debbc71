using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;

namespace ChangeOrchestrator.IntegrationTests.Support.Database;

/// <summary>Instances, bookmarks and burst commits built by hand, to drive the store without the interpreter.</summary>
internal static class Bursts
{
    public static string NewId() => Guid.NewGuid().ToString("N");

    public static WorkflowInstance Instance(
        DateTimeOffset now, InstanceStatus status = InstanceStatus.Suspended, string definitionId = "test-flow", int definitionVersion = 1) => new()
    {
        Id = NewId(),
        DefinitionId = definitionId,
        DefinitionVersion = definitionVersion,
        Status = status,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public static StoredBookmark Event(WorkflowInstance instance, string kind, string key, DateTimeOffset now, string activityId = "wait") =>
        new(NewId(), instance.Id, activityId, Bookmark.For(kind, key), now);

    public static StoredBookmark Timer(WorkflowInstance instance, DateTimeOffset dueAt, DateTimeOffset now, string activityId = "delay") =>
        new(NewId(), instance.Id, activityId, Bookmark.At(dueAt), now);

    /// <summary>A journal entry, numbered from the instance's sequence as the interpreter numbers them.</summary>
    public static JournalEntry Entry(WorkflowInstance instance, DateTimeOffset at, JournalEntryType type, string? message = null, JsonNode? data = null) =>
        new(instance.Id, ++instance.JournalSequence, at, type, "step", message, data);

    public static BurstCommit Create(WorkflowInstance instance, IReadOnlyList<StoredBookmark>? added = null, IReadOnlyList<JournalEntry>? journal = null) =>
        new(new BurstResult(instance, added ?? [], [], journal ?? []), ExpectedVersion: null, []);

    public static BurstCommit Update(
        WorkflowInstance instance,
        long expectedVersion,
        IReadOnlyList<StoredBookmark>? added = null,
        IReadOnlyList<string>? removed = null,
        IReadOnlyList<JournalEntry>? journal = null,
        IReadOnlyList<string>? consumed = null) =>
        new(new BurstResult(instance, added ?? [], removed ?? [], journal ?? []), expectedVersion, consumed ?? []);
}
