using System.Text;
using System.Text.Json;
using ChangeOrchestrator.Engine.Persistence;
using Microsoft.AspNetCore.Http;

namespace ChangeOrchestrator.Web.Instances;

/// <summary><c>GET /instances/{id}/evidence.json</c>: the evidence an instance gathered, as the file attached to its change.</summary>
internal static class EvidenceDownload
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<IResult> GetAsync(string id, IWorkflowInstanceStore store, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } instance || Evidence.Of(instance) is not { } evidence)
        {
            return Results.NotFound();
        }

        var name = Evidence.FileName(instance) + ".json";
        return Results.File(Encoding.UTF8.GetBytes(evidence.ToJsonString(Indented)), "application/json", name);
    }
}
