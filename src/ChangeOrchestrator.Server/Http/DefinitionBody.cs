namespace ChangeOrchestrator.Server.Http;

/// <summary>Endpoint metadata: the body is a workflow definition, allowed up to <see cref="ApiLimitsOptions.MaxDefinitionBodyBytes"/>.</summary>
internal sealed class DefinitionBody
{
    public static DefinitionBody Instance { get; } = new();
}
