using System.ComponentModel.DataAnnotations;

namespace ChangeOrchestrator.Server.Security;

/// <summary>One API key as configured: only the SHA-256 of the key is stored, never the key itself.</summary>
public sealed class ApiKeyDefinition
{
    [Required]
    public string Name { get; set; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of the key (`printf %s "$KEY" | sha256sum`).</summary>
    [Required]
    [RegularExpression("^[0-9a-f]{64}$", ErrorMessage = "must be the 64 lower-case hex digits of the key's SHA-256")]
    public string Sha256 { get; set; } = string.Empty;

    [MinLength(1)]
    public List<string> Roles { get; set; } = [];

    public DateTimeOffset? ExpiresAt { get; set; }
}
