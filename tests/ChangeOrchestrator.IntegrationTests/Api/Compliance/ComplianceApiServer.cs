using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.Patching.ChangeRequests;
using ChangeOrchestrator.Patching.Compliance;
using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Patching.Policies;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.IntegrationTests.Api.Compliance;

/// <summary>
/// One server on PostgreSQL for the compliance API's tests, which only read: three servers of one group scanned ten
/// days ago (two missing a critical patch, one of them excepted by the policy) and one closed change.
/// </summary>
public sealed class ComplianceApiServer : IAsyncLifetime
{
    public const string Group = "Api-Prod";

    private readonly WorkflowFolder _workflows = new();
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync(_workflows.Path);
        var services = Server.Server.Services;
        services.GetRequiredService<PatchPolicyHolder>().Set(
            new PatchPolicy
            {
                Slas = [new ComplianceSla("Critical", 7)],
                Exceptions = [new PatchExemption { Server = "i-api2", Patch = "KB5049983", Reason = "vendor hold", Approver = "ciso@example.com", Expires = new DateOnly(2999, 1, 1) }],
            },
            _workflows.Path);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var patch = new MissingPatch
        {
            Id = "KB5049983", Title = "=HYPERLINK(\"http://x\")", Severity = "Critical", Classification = "SecurityUpdates", State = MissingPatchState.Missing,
            CveIds = ["CVE-2025-21298"], ReleaseDate = now.AddDays(-12),
        };
        var history = services.GetRequiredService<IComplianceHistory>();
        await history.AppendScansAsync(
            new ScanSource("api-scan", "scan", "scheduled-scan"),
            [Scan("i-api1", now.AddDays(-10), [patch]), Scan("i-api2", now.AddDays(-10), [patch]), Scan("i-api3", now.AddDays(-10), [])],
            CancellationToken.None);
        await history.RecordChangeAsync(
            new ChangeResult
            {
                WorkflowInstanceId = "api-change", Desk = "jira", Number = "ITOPS-7", PatchGroup = Group, Environment = "Prod", Outcome = ChangeOutcome.SuccessfulWithIssues,
                RolledBackServers = 1, StartedAt = now.AddHours(-3), ClosedAt = now.AddHours(-1),
            },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _workflows.Dispose();
    }

    private static ServerScan Scan(string id, DateTimeOffset at, IReadOnlyList<MissingPatch> missing) => new()
    {
        ServerId = id, PatchGroup = Group, Environment = "Prod", OperatingSystem = "Windows", Operation = PatchOperation.Scan, ScannedAt = at,
        Counts = new PatchStateCounts { Installed = 30, Missing = missing.Count, CriticalNonCompliant = missing.Count },
        MissingPatches = missing,
    };
}
