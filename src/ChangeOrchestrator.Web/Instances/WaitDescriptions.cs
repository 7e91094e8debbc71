using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Patching.ChangeRequests.Events;
using ChangeOrchestrator.Web.Formatting;

namespace ChangeOrchestrator.Web.Instances;

/// <summary>What a suspended instance waits for, in words a change manager reads without knowing bookmarks.</summary>
public static class WaitDescriptions
{
    public static IReadOnlyList<string> Describe(IReadOnlyList<StoredBookmark> bookmarks, WorkflowDefinition? definition) =>
        [.. bookmarks.OrderBy(b => b.Bookmark.DueAt ?? DateTimeOffset.MaxValue).Select(b => Describe(b, definition?.FindActivity(b.ActivityId)))];

    public static string Describe(StoredBookmark stored, ActivityNode? node)
    {
        var bookmark = stored.Bookmark;
        var activity = node?.Name ?? stored.ActivityId;
        if (bookmark.DueAt is { } due)
        {
            var at = ConsoleText.Time(due);
            return bookmark.Name switch
            {
                StoredBookmark.RetryName => $"a retry of {activity} at {at}",
                StoredBookmark.TimeoutName => $"{activity} to time out at {at}, unless it finishes first",
                _ when node?.Type == "WaitForMaintenanceWindow" => $"the maintenance window opening at {at}",
                _ when node?.Type == "WaitForApproval" => $"the next check of the approval at {at}",
                _ when node?.Type == "Delay" => $"{activity} to end at {at}",
                _ => $"{activity} to check again at {at}",
            };
        }

        var (desk, number) = SplitKey(bookmark.Key);
        return bookmark.Kind switch
        {
            ChangeStimuli.Approval => $"approval of {number} in {ConsoleText.DeskName(desk)}",
            ChangeStimuli.Cancelled => $"a cancellation of {number} in {ConsoleText.DeskName(desk)}",
            ChangeStimuli.StateChanged => $"a state change of {number} in {ConsoleText.DeskName(desk)}",
            _ => $"the event '{bookmark.Kind}' with key '{bookmark.Key}' (at {activity})",
        };
    }

    private static (string? Desk, string Number) SplitKey(string key) =>
        key.Split(':', 2) is [var desk, var number] ? (desk, number) : (null, key);
}
