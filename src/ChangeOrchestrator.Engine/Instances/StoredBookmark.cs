namespace ChangeOrchestrator.Engine.Instances;

/// <summary>A bookmark as kept in the store: owned by one activity of one instance.</summary>
public sealed record StoredBookmark(string Id, string InstanceId, string ActivityId, Bookmark Bookmark, DateTimeOffset CreatedAt)
{
    /// <summary>Names of the bookmarks the interpreter itself sets for retries and timeouts.</summary>
    public const string RetryName = "$retry";

    public const string TimeoutName = "$timeout";
}
