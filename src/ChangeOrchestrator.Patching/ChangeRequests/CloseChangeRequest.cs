using System.ComponentModel;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching.ActivityEdge;

namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>
/// Closes a change with its outcome and notes, attaching the evidence first (a desk may lock a closed record).
/// Both are safe to repeat: evidence is attached once per file name, and a closed change stays closed.
/// </summary>
[Activity("Closes a change as successful, successfulWithIssues or unsuccessful with close notes, attaching the evidence (JSON and/or a Markdown report) once.", Category = "Change requests")]
public sealed class CloseChangeRequest(IServiceDeskResolver desks) : PatchingActivity<CloseChangeRequest.Input, CloseChangeRequest.Output>
{
    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        var desk = ServiceDeskLookup.Get(desks, input.Desk, context);
        var change = ServiceDeskLookup.Reference(desk, input.Number, context);
        if (string.IsNullOrWhiteSpace(input.CloseNotes))
        {
            throw new ActivityException($"CloseChangeRequest '{context.ActivityId}' needs close notes.", isTransient: false);
        }

        var attached = new List<string>();
        if (input.Evidence is { } evidence)
        {
            foreach (var format in input.EvidenceFormats.Distinct())
            {
                var fileName = input.EvidenceName + (format == EvidenceFormat.Json ? ".json" : ".md");
                if (!EvidenceFileNames.IsValid(fileName))
                {
                    throw new ActivityException($"CloseChangeRequest '{context.ActivityId}': '{fileName}' is not a plain file name.", isTransient: false);
                }

                await desk.AttachEvidenceAsync(change, fileName, EvidenceFile(format, change, evidence, context), cancellationToken);
                attached.Add(fileName);
            }
        }

        await desk.CloseAsync(change, input.Outcome, input.CloseNotes, cancellationToken);
        var status = await desk.GetChangeAsync(change, cancellationToken);
        context.Journal($"Closed {change} as {status.Outcome ?? input.Outcome}");
        await ChangeResultRecorder.RecordAsync(context, input.Desk, change, status.Outcome ?? input.Outcome, input.Evidence, cancellationToken);
        return Done(new Output { State = status.State, DeskState = status.DeskState, Outcome = status.Outcome ?? input.Outcome, EvidenceFiles = attached });
    }

    // The per-server lists of the evidence are read from the results a page at a time while the file is sent: neither
    // the file nor its lists are ever held whole, whatever the fleet.
    private static EvidenceContent EvidenceFile(EvidenceFormat format, ChangeReference change, JsonNode evidence, ActivityContext context) =>
        format == EvidenceFormat.Json
            ? new EvidenceContent("application/json", (stream, token) => EvidenceJson.WriteAsync(stream, evidence, list => context.ReadListAsync(list, token), token))
            : new EvidenceContent("text/markdown", (stream, token) => EvidenceMarkdown.WriteAsync(stream, $"Evidence for {change}", evidence, list => context.ReadListAsync(list, token), token));

    public sealed record Input
    {
        [Description("The service desk that holds the change: servicenow or jira.")]
        [EnumFrom("serviceDesks")]
        public required string Desk { get; init; }

        [Description("The change number, e.g. CHG0030001 or ITOPS-12.")]
        public required string Number { get; init; }

        [Description("successful, successfulWithIssues or unsuccessful.")]
        public required ChangeOutcome Outcome { get; init; }

        [Description("What happened, written on the closed change.")]
        public required string CloseNotes { get; init; }

        [Description("What the change did (scan results, patch results, compliance), attached to the change; nothing is attached when absent. Per-server lists in it are read from the step results as the files are written.")]
        [StreamsResults]
        public JsonNode? Evidence { get; init; }

        [Description("File name of the evidence without extension; attached once per name.")]
        public string EvidenceName { get; init; } = "change-evidence";

        [Description("json, markdown or both (the default).")]
        public IReadOnlyList<EvidenceFormat> EvidenceFormats { get; init; } = [EvidenceFormat.Json, EvidenceFormat.Markdown];
    }

    public sealed record Output
    {
        public required ChangeState State { get; init; }

        public required string DeskState { get; init; }

        [Description("The outcome the change was closed with.")]
        public required ChangeOutcome Outcome { get; init; }

        [Description("Names of the evidence files on the change.")]
        public required IReadOnlyList<string> EvidenceFiles { get; init; }
    }
}
