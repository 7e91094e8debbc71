using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Inventory;

/// <summary>CreateResourceDataSync: recorded by name; nothing is exported since S3 is not simulated.</summary>
internal sealed class CreateResourceDataSyncOperation : ISsmOperation
{
    private const int MaxSyncs = 5;

    public string Name => "CreateResourceDataSync";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var name = input.RequiredString("SyncName");
        var type = input.String("SyncType") ?? "SyncToDestination";
        if (type == "SyncToDestination" && !input.Has("S3Destination"))
        {
            throw new SsmServiceException("ResourceDataSyncInvalidConfigurationException", "S3Destination is required for SyncToDestination.");
        }

        if (type == "SyncFromSource" && !input.Has("SyncSource"))
        {
            throw new SsmServiceException("ResourceDataSyncInvalidConfigurationException", "SyncSource is required for SyncFromSource.");
        }

        if (world.ResourceDataSyncs.Contains(name))
        {
            throw new SsmServiceException("ResourceDataSyncAlreadyExistsException", $"Sync {name} already exists.");
        }

        if (world.ResourceDataSyncs.Count >= MaxSyncs)
        {
            throw new SsmServiceException("ResourceDataSyncCountExceededException", $"You have reached the maximum of {MaxSyncs} resource data syncs.");
        }

        world.ResourceDataSyncs.Add(name);
        return [];
    }
}
