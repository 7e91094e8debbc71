namespace ChangeOrchestrator.Patching.ChangeRequests.Events;

/// <summary>
/// What one delivery from a desk says: which desk, which change and which of the desk's own events it is, when it
/// was sent (a stale replay is refused by it), and the change events it reports (none for an event nobody acts on).
/// </summary>
public sealed record ChangeNotification(
    string Desk, string? Change, string? Event, DateTimeOffset? SentAt, IReadOnlyList<ChangeEvent> Events)
{
    /// <summary>A delivery that names a change, or not, and reports nothing to act on.</summary>
    public static ChangeNotification Nothing(string desk, string? change, string? deskEvent, DateTimeOffset? sentAt) =>
        new(desk, change, deskEvent, sentAt, []);
}
