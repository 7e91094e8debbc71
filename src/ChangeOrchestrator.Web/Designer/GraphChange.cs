namespace ChangeOrchestrator.Web.Designer;

/// <summary>How an activity or a connection differs between two versions of a workflow.</summary>
public enum GraphChange
{
    Unchanged,
    Added,
    Removed,

    /// <summary>Its type, name, inputs, retry or timeout differ; a move on the canvas alone is <see cref="Moved"/>.</summary>
    Changed,

    /// <summary>Only its place on the canvas differs (both versions have one): layout, not behaviour.</summary>
    Moved,
}
