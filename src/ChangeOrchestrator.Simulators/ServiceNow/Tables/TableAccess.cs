namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>The Table API operations the simulated ACLs allow on a table beyond reading.</summary>
[Flags]
internal enum TableAccess
{
    Read = 0,
    Insert = 1,
    Update = 2,
    Delete = 4,
}
