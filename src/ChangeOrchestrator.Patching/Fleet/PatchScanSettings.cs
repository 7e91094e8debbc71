namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>What to scan and how patiently to poll, from the scanning activity's inputs.</summary>
internal sealed record PatchScanSettings(
    IReadOnlyList<string> InstanceIds, string MaxConcurrency, string MaxErrors, TimeSpan PollInterval, TimeSpan MaxPollInterval);
