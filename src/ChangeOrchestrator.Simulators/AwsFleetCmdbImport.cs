using ChangeOrchestrator.Simulators.Aws;
using ChangeOrchestrator.Simulators.Aws.Fleet;
using ChangeOrchestrator.Simulators.ServiceNow.Configuration;
using ChangeOrchestrator.Simulators.ServiceNow.Tables;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators;

/// <summary>
/// Fills the simulated ServiceNow CMDB with the simulated AWS fleet, as the Service Graph Connector for AWS fills a
/// real instance's: one cmdb_ci_server per instance, object_id the instance id, name its Name tag. Runs when the host
/// starts and again whenever either simulator is reset, so a re-seeded fleet and a reset instance stay in step.
/// Only this composition knows both simulators; neither simulator knows the other.
/// </summary>
internal sealed class AwsFleetCmdbImport(ServiceNowStore store, AwsSimulation simulation, IOptions<ServiceNowSimulatorOptions> options) : IHostedService
{
    /// <summary>The discovery_source the Service Graph Connector for AWS writes; also marks the rows a re-import replaces.</summary>
    public const string DiscoverySource = "SG-AWS";

    private const string ImportUser = "system";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Cmdb.ImportAwsFleet)
        {
            Import();
            store.Reseeded += Import;
            simulation.FleetReset += Import;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        store.Reseeded -= Import;
        simulation.FleetReset -= Import;
        return Task.CompletedTask;
    }

    /// <summary>Replaces the imported servers with the fleet's current ones; rows entered by hand are left alone.</summary>
    public void Import()
    {
        // Always the ServiceNow gate first, then the AWS one: neither simulator takes the other's lock on its own.
        lock (store.Gate)
        {
            var servers = simulation.Execute(world => world.Fleet.Nodes.Where(n => !n.IsTerminated).Select(Fields).ToList());
            var previous = store.Rows(ServerSchema.Table).Where(r => r["discovery_source"] == DiscoverySource).Select(r => r.SysId).ToList();
            foreach (var sysId in previous)
            {
                store.Remove(ServerSchema.Table, sysId);
            }

            foreach (var fields in servers)
            {
                var record = store.NewRecord(ServerSchema.Table, ImportUser);
                foreach (var (field, value) in fields)
                {
                    record[field] = value;
                }

                store.Insert(record);
            }
        }
    }

    private static (string Field, string Value)[] Fields(FleetNode node) =>
    [
        ("name", node.Tags.TryGetValue("Name", out var name) && name.Length > 0 ? name : node.InstanceId),
        ("object_id", node.InstanceId),
        ("host_name", node.ComputerName),
        ("ip_address", node.IpAddress),
        ("os", node.Os.PlatformName),
        ("discovery_source", DiscoverySource),
        ("operational_status", node.Ec2 is { State: not "running" } ? "2" : "1"),
    ];
}
