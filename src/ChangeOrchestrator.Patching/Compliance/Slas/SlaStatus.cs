namespace ChangeOrchestrator.Patching.Compliance.Slas;

public enum SlaStatus
{
    /// <summary>Missing, within its SLA and not yet due soon.</summary>
    WithinSla,

    /// <summary>Due within the due-soon days.</summary>
    DueSoon,

    /// <summary>Past its due date.</summary>
    Breached,

    /// <summary>An active exception covers it; shown, never counted as breached, until the exception expires.</summary>
    Excepted,

    /// <summary>The policy sets no SLA for its severity.</summary>
    NoSla,
}
