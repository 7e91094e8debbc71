using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Publishing;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Persistence.Drafts;
using ChangeOrchestrator.Web.Instances;
using ChangeOrchestrator.Web.Security;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Web.Designer;

/// <summary>
/// The designer's application service: lists, opens, saves drafts and publishes workflows through the same
/// publisher and validation as <c>POST /api/definitions</c>, refused without the Designer role as the API refuses it,
/// audited under the API's action names, and with optimistic concurrency on drafts and published versions.
/// </summary>
public sealed class DesignerWorkspace(
    IWorkflowDefinitionStore definitions,
    IDraftStore drafts,
    DefinitionPublisher publisher,
    WorkflowDefinitionLoader loader,
    ActivityCatalogue catalogue,
    ConsoleAudit audit,
    WorkflowRuntime runtime,
    IOptions<ConsoleOptions> options,
    TimeProvider time)
{
    public ActivityCatalogue Catalogue => catalogue;

    public WorkflowDefinitionLoader Loader => loader;

    /// <summary>Whether the signed-in person may edit and publish (Designer or Admin); everyone else reads.</summary>
    public async Task<bool> MayEditAsync() => (await audit.UserAsync()).IsInRole(ConsolePolicies.Designer);

    public async Task<IReadOnlyList<DesignerEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var published = await definitions.ListLatestAsync(cancellationToken);
        var saved = (await drafts.ListAsync(cancellationToken)).ToDictionary(d => d.DefinitionId, StringComparer.Ordinal);
        var entries = published.Select(p =>
        {
            var draft = saved.GetValueOrDefault(p.Definition.Id);
            return new DesignerEntry(p.Definition.Id, p.Definition.Name, p.Definition.Version, p.PublishedAt, draft?.Revision, draft?.SavedBy, draft?.SavedAt);
        }).ToList();
        var unpublished = saved.Values.Where(d => published.All(p => p.Definition.Id != d.DefinitionId))
            .Select(d => new DesignerEntry(d.DefinitionId, d.DefinitionId, null, null, d.Revision, d.SavedBy, d.SavedAt));
        return [.. entries.Concat(unpublished).OrderBy(e => e.Id, StringComparer.Ordinal)];
    }

    /// <summary>The draft of a workflow when there is one, else its latest published version; null when neither exists.</summary>
    public async Task<DesignerSource?> OpenAsync(string id, CancellationToken cancellationToken)
    {
        var published = await definitions.FindAsync(id, null, cancellationToken);
        var draft = await drafts.FindAsync(id, cancellationToken);
        if (draft is not null)
        {
            return new DesignerSource(id, draft.Json, published?.Definition.Version, draft.Revision, draft.SavedBy, draft.SavedAt);
        }

        return published is null ? null : new DesignerSource(id, published.Json, published.Definition.Version, 0, null, null);
    }

    /// <summary>Whether test runs are possible: only in the sandbox, where every connector talks to a simulator.</summary>
    public bool MayTestRun => options.Value.Sandbox;

    /// <summary>One published version, as the engine runs it (a test run's form is made from its inputs).</summary>
    public async Task<WorkflowDefinition?> PublishedDefinitionAsync(string id, int version, CancellationToken cancellationToken) =>
        (await definitions.FindAsync(id, version, cancellationToken))?.Definition;

    /// <summary>
    /// Starts a published version with sample input, in the sandbox only, for a Designer or Admin (a designer tries out
    /// what they publish without the Operator role; outside the sandbox a run would touch real desks and servers). The
    /// input is validated exactly as <c>POST /api/instances</c> validates it, and the start is audited under its
    /// action name.
    /// </summary>
    public async Task<ActionResult> TestRunAsync(string id, int version, JsonObject input, CancellationToken cancellationToken)
    {
        if (!MayTestRun || !await MayEditAsync())
        {
            await audit.RecordAsync("access.denied", "route", $"instance.start {id} (designer test run)", 403, null, cancellationToken);
            return new ActionResult { Message = MayTestRun ? "A test run needs the Designer or Admin role." : "Test runs are possible only in the sandbox." };
        }

        var request = new StartWorkflowRequest { DefinitionId = id, Version = version, Input = input, CorrelationId = $"designer-test-run:{id}" };
        return await AuditedStart.StartAsync(runtime, audit, request, "designer test run", cancellationToken);
    }

    /// <summary>One published version's text, for comparing.</summary>
    public async Task<string?> PublishedTextAsync(string id, int? version, CancellationToken cancellationToken) =>
        (await definitions.FindAsync(id, version, cancellationToken))?.Json;

    /// <summary>Saves a draft over <paramref name="expectedRevision"/>; a draft saved by someone else since is not overwritten.</summary>
    public async Task<DesignerSaveResult> SaveDraftAsync(
        string id, string text, int expectedRevision, int? baseVersion, CancellationToken cancellationToken)
    {
        if (!await MayEditAsync())
        {
            await audit.RecordAsync("access.denied", "route", $"definition.draft {id}", 403, null, cancellationToken);
            return DesignerSaveResult.Denied;
        }

        if (text.Length > MaxDefinitionChars)
        {
            return new DesignerSaveResult { Message = $"The workflow is larger than {MaxDefinitionChars / 1024 / 1024} MiB and cannot be saved." };
        }

        var user = (await audit.UserAsync()).Identity?.Name ?? "unknown";
        var saved = await drafts.SaveAsync(id, text, expectedRevision, baseVersion, user, time.GetUtcNow(), cancellationToken);
        if (saved is null)
        {
            var current = await drafts.FindAsync(id, cancellationToken);
            await audit.RecordAsync("definition.draft", "definition", id, 409, $"stale: revision {expectedRevision}", cancellationToken);
            return new DesignerSaveResult
            {
                Message = current is null
                    ? "The draft you started from was published or discarded meanwhile; reload the workflow."
                    : $"{current.SavedBy} saved a newer draft (revision {current.Revision}) at {current.SavedAt:u} since you opened revision {expectedRevision}. Your changes are not saved; compare them with theirs below.",
                DraftRevision = current?.Revision ?? 0,
                CurrentText = current?.Json,
            };
        }

        await audit.RecordAsync("definition.draft", "definition", id, 200, $"revision {saved.Revision}", cancellationToken);
        return new DesignerSaveResult { Succeeded = true, DraftRevision = saved.Revision, PublishedVersion = baseVersion, Message = $"Draft saved (revision {saved.Revision})." };
    }

    /// <summary>
    /// Publishes the text as a new version when the latest published version is still <paramref name="baseVersion"/>;
    /// an invalid definition is refused with every error, as the API refuses it. The draft is dropped once published.
    /// </summary>
    public async Task<DesignerSaveResult> PublishAsync(string id, string text, int? baseVersion, CancellationToken cancellationToken)
    {
        if (!await MayEditAsync())
        {
            await audit.RecordAsync("access.denied", "route", $"definition.publish {id}", 403, null, cancellationToken);
            return DesignerSaveResult.Denied;
        }

        var latest = await definitions.FindAsync(id, null, cancellationToken);
        if (latest is not null && latest.Definition.Version != baseVersion)
        {
            await audit.RecordAsync("definition.publish", "definition", id, 409, $"stale: based on version {baseVersion}", cancellationToken);
            return new DesignerSaveResult
            {
                Message = $"Version {latest.Definition.Version} was published at {latest.PublishedAt:u} since you opened {(baseVersion is { } v ? $"version {v}" : "this new workflow")}. Nothing was published; compare your changes with it below.",
                PublishedVersion = latest.Definition.Version,
                CurrentText = latest.Json,
            };
        }

        if (loader.Load(text, id + ".json").Definition is { } loaded && loaded.Id != id)
        {
            return new DesignerSaveResult { Message = $"The workflow's id is '{loaded.Id}' but it was opened as '{id}': export it and import it as a new workflow instead.", PublishedVersion = baseVersion };
        }

        var result = await publisher.PublishAsync(text, id + ".json", cancellationToken);
        if (result.Stored is not { } stored)
        {
            await audit.RecordAsync("definition.publish", "definition", id, 400, $"{result.Errors.Count} errors", cancellationToken);
            return new DesignerSaveResult { Message = $"Not published: {result.Errors.Count} problems.", Errors = result.Errors, PublishedVersion = baseVersion };
        }

        await drafts.DeleteAsync(id, cancellationToken);
        await audit.RecordAsync("definition.publish", "definition", stored.Definition.Id, result.Changed ? 201 : 200, $"version {stored.Definition.Version}{(result.Changed ? "" : ", unchanged")}", cancellationToken);
        return new DesignerSaveResult
        {
            Succeeded = true,
            PublishedVersion = stored.Definition.Version,
            Message = result.Changed ? $"Published version {stored.Definition.Version}." : $"Nothing changed since version {stored.Definition.Version}; no new version.",
        };
    }

    /// <summary>The same ceiling as the API's definition bodies.</summary>
    public const int MaxDefinitionChars = 1024 * 1024;
}
