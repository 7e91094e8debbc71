namespace ChangeOrchestrator.Simulators.ServiceNow.Tables.Query;

/// <summary>
/// A parsed encoded query. <c>a^b^ORc</c> is a AND (b OR c): each clause is a list of OR-groups that must all hold;
/// clauses separated by <c>^NQ</c> are alternatives.
/// </summary>
internal sealed record EncodedQuery(
    IReadOnlyList<IReadOnlyList<IReadOnlyList<QueryCondition>>> Alternatives,
    IReadOnlyList<QueryOrder> Orders,
    IReadOnlyList<string> InvalidTerms)
{
    public static readonly EncodedQuery All = new([], [], []);
}
