using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Persistence.Instances;

/// <summary>A bookmark as stored, with the claim a node stamps on a due timer while it fires it.</summary>
internal sealed class BookmarkRow
{
    public required string Id { get; init; }

    public required string InstanceId { get; init; }

    public required string ActivityId { get; init; }

    public required string Kind { get; init; }

    public required string Key { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public string? Name { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? ClaimedBy { get; init; }

    public DateTimeOffset? ClaimedUntil { get; init; }

    public static BookmarkRow From(StoredBookmark bookmark) => new()
    {
        Id = bookmark.Id,
        InstanceId = bookmark.InstanceId,
        ActivityId = bookmark.ActivityId,
        Kind = bookmark.Bookmark.Kind,
        Key = bookmark.Bookmark.Key,
        DueAt = bookmark.Bookmark.DueAt?.ToUniversalTime(),
        Name = bookmark.Bookmark.Name,
        CreatedAt = bookmark.CreatedAt.ToUniversalTime(),
    };

    /// <summary>A row that only names a bookmark, for deleting it without reading it first.</summary>
    public static BookmarkRow Stub(string id, string instanceId) => new()
    {
        Id = id,
        InstanceId = instanceId,
        ActivityId = string.Empty,
        Kind = string.Empty,
        Key = string.Empty,
        CreatedAt = default,
    };

    public StoredBookmark ToStoredBookmark() =>
        new(Id, InstanceId, ActivityId, new Bookmark(Kind, Key, DueAt, Name), CreatedAt);
}
