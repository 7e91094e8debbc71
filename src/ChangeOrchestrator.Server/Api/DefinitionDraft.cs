using System.Text.Json.Nodes;
using ChangeOrchestrator.Persistence.Drafts;

namespace ChangeOrchestrator.Server.Api;

/// <summary>A saved draft as the API answers it: the workflow file as saved, its revision (also the ETag), the version it was based on, and who saved it when.</summary>
internal sealed record DefinitionDraft(string Id, int Revision, int? BaseVersion, string SavedBy, DateTimeOffset SavedAt, JsonNode? Definition)
{
    public static DefinitionDraft From(StoredDraft draft) =>
        new(draft.DefinitionId, draft.Revision, draft.BaseVersion, draft.SavedBy, draft.SavedAt, JsonNode.Parse(draft.Json));
}
