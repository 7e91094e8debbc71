using ChangeOrchestrator.Patching.ChangeRequests.Conflicts;

namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>
/// A service desk that holds change requests (ServiceNow, Jira Service Management, ...). Every operation is safe to
/// repeat after a crash: creation is keyed by the correlation id, evidence by file name, and moving a change to a
/// state it has already reached does nothing. Failures surface as <see cref="ServiceDeskException"/>.
/// </summary>
public interface IServiceDesk
{
    /// <summary>The desk's name in <see cref="ChangeReference.Desk"/>, e.g. "servicenow".</summary>
    string Name { get; }

    /// <summary>Creates the change, or returns the one already created for the draft's correlation id.</summary>
    Task<ChangeReference> CreateChangeAsync(ChangeRequestDraft draft, CancellationToken cancellationToken);

    Task<ChangeReference?> FindByCorrelationIdAsync(string correlationId, CancellationToken cancellationToken);

    Task<ChangeRequestStatus> GetChangeAsync(ChangeReference change, CancellationToken cancellationToken);

    /// <summary>Submits a new change for approval; does nothing once it is past New.</summary>
    Task RequestApprovalAsync(ChangeReference change, CancellationToken cancellationToken);

    /// <summary>
    /// An internal note for the people working the change (not shown to requesters), ending with a line naming
    /// <paramref name="reference"/>; when the change already has a note with that reference nothing is written, so a
    /// retried call or a re-run after a crash leaves one note.
    /// </summary>
    Task AddWorkNoteAsync(ChangeReference change, string text, string reference, CancellationToken cancellationToken);

    /// <summary>
    /// Attaches a file unless the change already has one of that name; the content is written into the upload as it
    /// is sent (and written again if the upload is retried).
    /// </summary>
    Task AttachEvidenceAsync(ChangeReference change, string fileName, EvidenceContent content, CancellationToken cancellationToken);

    Task MoveToImplementAsync(ChangeReference change, CancellationToken cancellationToken);

    Task MoveToReviewAsync(ChangeReference change, CancellationToken cancellationToken);

    /// <summary>Closes the change with its outcome, passing through Implement and Review when the desk requires them.</summary>
    Task CloseAsync(ChangeReference change, ChangeOutcome outcome, string notes, CancellationToken cancellationToken);

    Task CancelAsync(ChangeReference change, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// What overlaps the window on these servers: other open changes that touch one of them, and the desk's blackout
    /// and maintenance schedules. The change of the query's correlation id or number is never its own conflict.
    /// </summary>
    Task<IReadOnlyList<ChangeConflict>> FindConflictsAsync(ConflictQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the servers on the change as affected configuration items; servers the desk does not know are reported,
    /// not fatal. Servers already on the change are left as they are, so a repeated call adds nothing.
    /// </summary>
    Task<AffectedServers> AttachAffectedServersAsync(ChangeReference change, IReadOnlyList<AffectedServer> servers, CancellationToken cancellationToken);

    /// <summary>Moves the change's planned start and end, e.g. to the next window free of conflicts.</summary>
    Task RescheduleAsync(ChangeReference change, DateTimeOffset plannedStart, DateTimeOffset plannedEnd, CancellationToken cancellationToken);
}
