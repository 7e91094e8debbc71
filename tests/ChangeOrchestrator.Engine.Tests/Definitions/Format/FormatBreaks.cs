namespace ChangeOrchestrator.Engine.Tests.Definitions.Format;

/// <summary>Every break of the complete workflow, judged once by the loader and the schema for all agreement tests.</summary>
public sealed class FormatBreaks
{
    public FormatBreaks()
    {
        using var verdicts = new FormatVerdicts();
        var mutations = FormatMutations.Of(CompleteWorkflow.Parse()).Concat(FormatMutations.Extra).ToList();

        // The schema's verdicts take most of the time and share nothing, so they are taken side by side.
        var schema = mutations.AsParallel().AsOrdered().Select(mutation => FormatVerdicts.SchemaErrors(mutation.Json)).ToList();
        Judged = [.. mutations.Select((mutation, i) => new JudgedBreak(mutation, verdicts.Loader(mutation.Json), schema[i]))];
    }

    internal IReadOnlyList<JudgedBreak> Judged { get; }
}
