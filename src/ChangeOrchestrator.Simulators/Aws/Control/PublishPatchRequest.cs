namespace ChangeOrchestrator.Simulators.Aws.Control;

/// <summary>
/// Body of <c>POST _control/patches</c>: the vendor releases an update for one operating system (a fleet profile key
/// such as WindowsServer2022 or AmazonLinux2023), now unless <c>ReleaseDate</c> says when.
/// </summary>
internal sealed record PublishPatchRequest(
    string OperatingSystem,
    string KbId,
    string? Title,
    string Classification,
    string Severity,
    List<string>? CveIds,
    DateTimeOffset? ReleaseDate,
    bool? RequiresReboot);
