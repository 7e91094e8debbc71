using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Results;
using ChangeOrchestrator.Patching.ChangeRequests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChangeOrchestrator.Web.Instances;

/// <summary>
/// <c>GET /instances/{id}/evidence.json</c>: the evidence an instance gathered, as the file attached to its change,
/// its per-server lists streamed from the step results into the response.
/// </summary>
internal static class EvidenceDownload
{
    public static async Task<Results<PushStreamHttpResult, NotFound>> GetAsync(string id, IWorkflowInstanceStore store, IStepResultStore results, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } instance || Evidence.Of(instance) is not { } evidence)
        {
            return TypedResults.NotFound();
        }

        var name = Evidence.FileName(instance) + ".json";
        return TypedResults.Stream(
            stream => EvidenceJson.WriteAsync(stream, evidence, list => results.ReadListAsync(instance.Id, list, cancellationToken), cancellationToken),
            "application/json",
            name);
    }
}
