using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Patching.ActivityEdge;

/// <summary>
/// Polling on timer bookmarks: each poll suspends the instance instead of holding a thread, and the delay doubles
/// from <c>first</c> up to <c>max</c> so a long patch run costs a handful of calls. The count lives in the
/// activity's state, so it survives between polls and restarts.
/// </summary>
internal static class PollSchedule
{
    public const string PollBookmark = "poll";

    private const string PollsKey = "polls";

    public static int Polls(ActivityContext context) => context.State[PollsKey]?.GetValue<int>() ?? 0;

    /// <summary>Starts the backoff over, for a new wait within the same execution (the next round of a retried check).</summary>
    public static void Restart(ActivityContext context) => context.State.Remove(PollsKey);

    /// <summary>Counts this poll and suspends until the next one is due.</summary>
    public static ActivityResult Next(ActivityContext context, TimeSpan first, TimeSpan max)
    {
        var polls = Polls(context);
        context.State[PollsKey] = polls + 1;
        return ActivityResult.Suspend(Bookmark.At(context.Now + DelayAfter(polls, first, max), PollBookmark));
    }

    /// <summary>Counts this poll and suspends for a wait chosen by the caller, e.g. until work should be done.</summary>
    public static ActivityResult After(ActivityContext context, TimeSpan delay)
    {
        context.State[PollsKey] = Polls(context) + 1;
        return ActivityResult.Suspend(Bookmark.At(context.Now + delay, PollBookmark));
    }

    /// <summary>The wait after <paramref name="polls"/> polls: first, twice first, four times... never more than max.</summary>
    public static TimeSpan DelayAfter(int polls, TimeSpan first, TimeSpan max)
    {
        if (first <= TimeSpan.Zero)
        {
            throw new ActivityException($"A poll interval must be positive; {first} is not.", isTransient: false);
        }

        var ceiling = max < first ? first : max;
        var delay = first;
        for (var i = 0; i < polls && delay < ceiling; i++)
        {
            delay += delay;
        }

        return delay < ceiling ? delay : ceiling;
    }
}
