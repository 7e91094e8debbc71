using ChangeOrchestrator.Patching.Compliance.History;
using CsvHelper;

namespace ChangeOrchestrator.Server.Compliance.Rows;

/// <summary>A server at its last scan. The same shape in JSON and in CSV.</summary>
[CsvRecord]
internal sealed partial record ServerRow
{
    public required string ServerId { get; init; }

    public string? PatchGroup { get; init; }

    public string? Environment { get; init; }

    public string? OperatingSystem { get; init; }

    public string? BaselineId { get; init; }

    public required string Operation { get; init; }

    public required DateTimeOffset ScannedAt { get; init; }

    public required bool Compliant { get; init; }

    public required int Installed { get; init; }

    public required int InstalledOther { get; init; }

    public required int InstalledPendingReboot { get; init; }

    public required int InstalledRejected { get; init; }

    public required int Missing { get; init; }

    public required int Failed { get; init; }

    public required int NotApplicable { get; init; }

    public required int CriticalNonCompliant { get; init; }

    public required int SecurityNonCompliant { get; init; }

    public required int OtherNonCompliant { get; init; }

    public static ServerRow Of(ServerComplianceState s) => new()
    {
        ServerId = s.ServerId, PatchGroup = s.PatchGroup, Environment = s.Environment, OperatingSystem = s.OperatingSystem, BaselineId = s.BaselineId,
        Operation = s.Operation, ScannedAt = s.ScannedAt, Compliant = s.IsCompliant, Installed = s.Counts.Installed, InstalledOther = s.Counts.InstalledOther,
        InstalledPendingReboot = s.Counts.InstalledPendingReboot, InstalledRejected = s.Counts.InstalledRejected, Missing = s.Counts.Missing,
        Failed = s.Counts.Failed, NotApplicable = s.Counts.NotApplicable, CriticalNonCompliant = s.Counts.CriticalNonCompliant,
        SecurityNonCompliant = s.Counts.SecurityNonCompliant, OtherNonCompliant = s.Counts.OtherNonCompliant,
    };
}
