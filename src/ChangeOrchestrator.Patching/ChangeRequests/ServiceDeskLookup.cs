using ChangeOrchestrator.Engine.Activities;

namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>The desk a workflow names, or a permanent fault that lists the configured ones: retrying will not configure it.</summary>
internal static class ServiceDeskLookup
{
    public static IServiceDesk Get(IServiceDeskResolver desks, string name, ActivityContext context)
    {
        try
        {
            return desks.Get(name);
        }
        catch (KeyNotFoundException ex)
        {
            throw new ActivityException($"{context.Node.Type} '{context.ActivityId}': {ex.Message}", isTransient: false, ex);
        }
    }

    public static ChangeReference Reference(IServiceDesk desk, string number, ActivityContext context)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            throw new ActivityException($"{context.Node.Type} '{context.ActivityId}' needs the change number.", isTransient: false);
        }

        return new ChangeReference(desk.Name, number);
    }
}
