namespace ChangeOrchestrator.Connectors.Jira;

/// <summary>
/// Names of the change custom fields (section <c>ServiceDesk:Jira:Fields</c>); their ids differ per site and are
/// looked up by name. Only the change type is required: a site without one of the others goes without it, and
/// missing plan fields are written into the description instead.
/// </summary>
internal sealed class JiraFieldNames
{
    public string ChangeType { get; set; } = "Change type";

    public string ChangeRisk { get; set; } = "Change risk";

    public string Impact { get; set; } = "Impact";

    public string PlannedStart { get; set; } = "Change start date";

    public string PlannedEnd { get; set; } = "Change completion date";

    public string ImplementationPlan { get; set; } = "Implementation plan";

    public string BackoutPlan { get; set; } = "Backout plan";

    public string TestPlan { get; set; } = "Test plan";

    /// <summary>A labels field naming the servers (instance ids) a change touches; conflicts are searched by it.</summary>
    public string AffectedServers { get; set; } = "Affected servers";

    public IEnumerable<(string Key, string Name)> All()
    {
        yield return (nameof(ChangeType), ChangeType);
        yield return (nameof(ChangeRisk), ChangeRisk);
        yield return (nameof(Impact), Impact);
        yield return (nameof(PlannedStart), PlannedStart);
        yield return (nameof(PlannedEnd), PlannedEnd);
        yield return (nameof(ImplementationPlan), ImplementationPlan);
        yield return (nameof(BackoutPlan), BackoutPlan);
        yield return (nameof(TestPlan), TestPlan);
        yield return (nameof(AffectedServers), AffectedServers);
    }
}
