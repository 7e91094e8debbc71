using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;

namespace ChangeOrchestrator.Web.Designer;

/// <summary>The outcomes an activity can finish with, as validation counts them: the catalogue's, a Switch's cases, and Faulted.</summary>
public static class ActivityOutcomes
{
    public static IReadOnlyList<string> Of(JsonObject activity, ActivityCatalogue catalogue, IEnumerable<string> connected)
    {
        var outcomes = new List<string>();
        if (DesignerDocument.Text(activity["type"]) is { } type && catalogue.Find(type) is { } descriptor)
        {
            outcomes.AddRange(descriptor.Outcomes);
            if (descriptor.OutcomesFromInput is { } input && activity["inputs"]?[input] is JsonArray cases)
            {
                outcomes.AddRange(cases.Select(DesignerDocument.Text).OfType<string>());
            }
        }

        if (!outcomes.Contains(ActivityResult.FaultedOutcome))
        {
            outcomes.Add(ActivityResult.FaultedOutcome);
        }

        // A connection from an outcome the type does not have still shows (and validation says what is wrong with it).
        outcomes.AddRange(connected.Where(c => !outcomes.Contains(c)).Distinct());
        return outcomes.Distinct().ToList();
    }
}
