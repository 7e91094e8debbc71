namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

internal static class MaintenanceWindowLookup
{
    public static MaintenanceWindow Window(AwsWorld world, SsmInput input)
    {
        var id = input.RequiredString("WindowId");
        return world.Windows.Find(id) ?? throw SsmErrors.DoesNotExist($"Maintenance window {id} does not exist");
    }

    public static WindowExecution Execution(AwsWorld world, SsmInput input)
    {
        var id = input.RequiredString("WindowExecutionId");
        return world.Windows.FindExecution(id) ?? throw SsmErrors.DoesNotExist($"Maintenance window execution {id} does not exist");
    }

    public static WindowTask Task(MaintenanceWindow window, SsmInput input)
    {
        var id = input.RequiredString("WindowTaskId");
        return window.Tasks.Find(t => t.WindowTaskId == id) ?? throw SsmErrors.DoesNotExist($"Maintenance window task {id} does not exist in window {window.WindowId}");
    }

    public static WindowTarget Target(MaintenanceWindow window, SsmInput input)
    {
        var id = input.RequiredString("WindowTargetId");
        return window.Targets.Find(t => t.WindowTargetId == id) ?? throw SsmErrors.DoesNotExist($"Maintenance window target {id} does not exist in window {window.WindowId}");
    }
}
