using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChangeOrchestrator.Simulators.Aws.Control;

/// <summary><c>POST _control/patches</c>: a vendor release, so a long simulated period sees new updates arrive.</summary>
internal static class PatchPublishing
{
    public static Results<Created<PublishedPatch>, ValidationProblem> Publish(PublishPatchRequest body, AwsSimulation simulation) =>
        simulation.Execute<Results<Created<PublishedPatch>, ValidationProblem>>(world =>
        {
            var errors = new Dictionary<string, string[]>();
            if (!world.Fleet.Catalogs.TryGetValue(body.OperatingSystem ?? "", out var catalog))
            {
                errors["operatingSystem"] = [$"Unknown operating system '{body.OperatingSystem}'; one of {string.Join(", ", world.Fleet.Catalogs.Keys.Order(StringComparer.Ordinal))}."];
            }

            if (string.IsNullOrWhiteSpace(body.KbId))
            {
                errors["kbId"] = ["A patch id (KB on Windows, name.arch on Linux) is required."];
            }
            else if (catalog?.ByKbId.ContainsKey(body.KbId) == true)
            {
                errors["kbId"] = [$"{body.KbId} is already published for {body.OperatingSystem}."];
            }

            if (string.IsNullOrWhiteSpace(body.Classification) || string.IsNullOrWhiteSpace(body.Severity))
            {
                errors["classification"] = ["Classification and severity are required."];
            }

            if (errors.Count > 0 || catalog is null)
            {
                return TypedResults.ValidationProblem(errors);
            }

            var security = body.Classification is "SecurityUpdates" or "CriticalUpdates" or "Security";
            var packageName = catalog.Os.IsWindows ? body.KbId : body.KbId.Split('.')[0];
            var patch = catalog.Publish(new PatchDefinition(
                0, body.KbId, body.Title ?? body.KbId, packageName, body.Classification, body.Severity, catalog.Os.Product,
                body.ReleaseDate ?? world.Now, body.CveIds ?? [], null, security, body.RequiresReboot ?? catalog.Os.IsWindows, null, null));
            return TypedResults.Created($"/sim/aws/_control/patches/{patch.KbId}", new PublishedPatch(patch.KbId, patch.Title, patch.Product, patch.ReleaseDate));
        });
}
