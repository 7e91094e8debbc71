using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>
/// What to scan and how patiently to poll, from the scanning activity's inputs. The servers are the input as given, a
/// list or a reference to a stored one, read only when the scan is sent.
/// </summary>
internal sealed record PatchScanSettings(
    JsonNode? InstanceIds, string MaxConcurrency, string MaxErrors, TimeSpan PollInterval, TimeSpan MaxPollInterval);
