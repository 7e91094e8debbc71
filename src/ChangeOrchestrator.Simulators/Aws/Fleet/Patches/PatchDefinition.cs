namespace ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

/// <summary>
/// One update the vendor has published for an operating system. Updates of one <c>Series</c> supersede the
/// older ones (Windows cumulative updates); with a <c>RequiredApplication</c> the update applies only where the
/// Application tag contains that word.
/// </summary>
internal sealed record PatchDefinition(
    int Index,
    string KbId,
    string Title,
    string PackageName,
    string Classification,
    string Severity,
    string Product,
    DateTimeOffset ReleaseDate,
    IReadOnlyList<string> CveIds,
    string? AdvisoryId,
    bool IsSecurity,
    bool RequiresReboot,
    string? Series,
    string? RequiredApplication)
{
    public string CveIdsText => string.Join(',', CveIds);
}
