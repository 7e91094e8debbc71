using System.ComponentModel.DataAnnotations;

namespace ChangeOrchestrator.Server.Http;

/// <summary>Section <c>Api:Limits</c>: the largest request bodies the API reads.</summary>
public sealed class ApiLimitsOptions
{
    public const string Section = "Api:Limits";

    /// <summary>Workflow definitions (validate, publish): 1 MiB by default.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxDefinitionBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Every other body of the API and of the login: 64 KiB by default.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 64 * 1024;
}
