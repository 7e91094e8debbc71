using System.ComponentModel;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching.ActivityEdge;

namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>Selects the servers of a change. It only reads, so running it again is harmless.</summary>
[Activity("Selects the servers a change patches by patch group, environment, tags or explicit ids; servers carrying an exclusion tag are left out.", Category = "Fleet")]
[Outcomes("Done", "NoTargets")]
public sealed class ResolveTargets(IPatchFleet fleet) : PatchingActivity<ResolveTargets.Input, ResolveTargets.Output>
{
    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        var selector = new TargetSelector
        {
            PatchGroups = input.PatchGroups,
            Environment = string.IsNullOrWhiteSpace(input.Environment) ? null : input.Environment,
            Tags = Filters(input.Tags),
            InstanceIds = input.InstanceIds,
            ExcludeTags = Filters(input.ExcludeTags),
        };
        if (!selector.HasCriteria)
        {
            throw new ActivityException(
                $"ResolveTargets '{context.ActivityId}' needs patch groups, an environment, tags or instance ids; without one it would select the whole fleet.",
                isTransient: false);
        }

        var selected = (await fleet.ResolveTargetsAsync(selector, cancellationToken))
            .OrderBy(i => i.InstanceId, StringComparer.Ordinal)
            .Select(TargetInstance.From)
            .ToList();

        // A selection of tens of thousands of servers is written away a page at a time rather than held, as JSON, until
        // the burst commits beside the lists of the steps that follow it.
        var written = new Dictionary<string, JsonNode>();
        var output = new Output
        {
            Instances = await OutputList<TargetInstance>.OfAsync(context, "instances", selected, written, cancellationToken),
            InstanceIds = await OutputList<string>.OfAsync(context, "instanceIds", [.. selected.Select(i => i.InstanceId)], written, cancellationToken),
            Count = selected.Count,
        };
        return Outcome(selected.Count == 0 ? "NoTargets" : ActivityResult.DoneOutcome, output, written);
    }

    private static List<TagFilter> Filters(IReadOnlyDictionary<string, IReadOnlyList<string>> tags) =>
        [.. tags.Select(tag => new TagFilter(tag.Key, tag.Value))];

    public sealed record Input
    {
        [Description("Values of the Patch Group tag; a server in any of them matches.")]
        public IReadOnlyList<string> PatchGroups { get; init; } = [];

        [Description("Value of the Environment tag, e.g. Prod.")]
        public string? Environment { get; init; }

        [Description("Tag key to accepted values, e.g. { \"Application\": [\"billing\"] }; an empty list accepts any value.")]
        public IReadOnlyDictionary<string, IReadOnlyList<string>> Tags { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

        [Description("Explicit EC2 (i-) and on-premises (mi-) ids; with other criteria, only those ids that also match.")]
        public IReadOnlyList<string> InstanceIds { get; init; } = [];

        [Description("Servers carrying any of these tags are left out, e.g. { \"PatchExempt\": [] }.")]
        public IReadOnlyDictionary<string, IReadOnlyList<string>> ExcludeTags { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    }

    public sealed record Output
    {
        [Description("The selected servers, ordered by id.")]
        public required IReadOnlyList<TargetInstance> Instances { get; init; }

        [Description("Their ids, for the steps that follow.")]
        public required IReadOnlyList<string> InstanceIds { get; init; }

        public required int Count { get; init; }
    }
}
