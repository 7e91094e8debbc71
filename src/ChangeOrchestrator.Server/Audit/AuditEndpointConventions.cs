namespace ChangeOrchestrator.Server.Audit;

internal static class AuditEndpointConventions
{
    /// <summary>Names the endpoint's action in the audit log, e.g. <c>.Audited("instance.cancel", "instance", "id")</c>.</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string action, string? objectType = null, params string[] objectIdRouteValues)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditMetadata(action, objectType, objectIdRouteValues));
}
