using System.ComponentModel;

namespace ChangeOrchestrator.Patching.ChangeRequests.Conflicts;

/// <summary>A server a change touches, as a service desk may know it: by its instance id, or by its name.</summary>
public sealed record AffectedServer
{
    [Description("EC2 (i-) or on-premises (mi-) id; the CMDB's object id of the server.")]
    public required string InstanceId { get; init; }

    [Description("The server's name (Name tag or host name); CMDB records without the instance id are found by it.")]
    public string? Name { get; init; }
}
