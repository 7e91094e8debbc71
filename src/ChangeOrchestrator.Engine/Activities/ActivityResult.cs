using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Engine.Activities;

/// <summary>What an execution of an activity ended with: an outcome, a suspension on bookmarks, or nothing yet (a join waiting for branches).</summary>
public sealed record ActivityResult
{
    public const string DoneOutcome = "Done";

    public const string FaultedOutcome = "Faulted";

    private ActivityResult()
    {
    }

    public string? OutcomeName { get; private init; }

    public JsonObject? Output { get; private init; }

    public IReadOnlyList<Bookmark> Bookmarks { get; private init; } = [];

    /// <summary>Whether the interpreter cancels every other active branch that leads into this activity (a join in "any" mode).</summary>
    public bool CancelsOtherBranches { get; private init; }

    public bool IsSuspended => Bookmarks.Count > 0;

    /// <summary>Neither finished nor waiting on a bookmark: the activity runs again when another branch reaches it.</summary>
    public bool IsPending => OutcomeName is null && Bookmarks.Count == 0;

    public static ActivityResult Outcome(string outcome, JsonObject? output = null) => new() { OutcomeName = outcome, Output = output };

    public static ActivityResult Done(JsonObject? output = null) => Outcome(DoneOutcome, output);

    public static ActivityResult Suspend(params Bookmark[] bookmarks)
    {
        if (bookmarks.Length == 0)
        {
            throw new ArgumentException("A suspension needs at least one bookmark.", nameof(bookmarks));
        }

        return new ActivityResult { Bookmarks = bookmarks };
    }

    public static ActivityResult Pending() => new();

    public ActivityResult CancellingOtherBranches() => this with { CancelsOtherBranches = true };
}
