using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Jira.Comments;

/// <summary>A comment; the ADF body is kept verbatim. JSM internal notes are comments with <see cref="IsPublic"/> false.</summary>
internal sealed class JiraComment
{
    public required string Id { get; init; }

    public required string AuthorAccountId { get; init; }

    public required JsonNode Body { get; init; }

    public required DateTimeOffset Created { get; init; }

    public JsonObject? Visibility { get; init; }

    public bool IsPublic { get; init; } = true;
}
