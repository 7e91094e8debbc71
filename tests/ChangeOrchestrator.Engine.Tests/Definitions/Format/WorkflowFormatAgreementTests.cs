namespace ChangeOrchestrator.Engine.Tests.Definitions.Format;

/// <summary>
/// The published schema and the loader are two statements of one format. These tests break a complete file in every
/// structural way and require both to refuse the same breaks, every rule of the schema to be reached, and every
/// check of the loader to be either reached the same way or listed in <see cref="BeyondTheSchema"/>.
/// </summary>
public sealed class WorkflowFormatAgreementTests(FormatBreaks breaks) : IClassFixture<FormatBreaks>
{
    [Fact]
    public void CompleteWorkflow_IsValidForBoth()
    {
        using var verdicts = new FormatVerdicts();

        Assert.Empty(verdicts.Loader(CompleteWorkflow.Json));
        Assert.Empty(FormatVerdicts.SchemaErrors(CompleteWorkflow.Json));
    }

    [Fact]
    public void EveryBreak_RefusedByBothOrNeither()
    {
        var beyond = BeyondChecks();

        var disagreements = breaks.Judged
            .Where(judged => (judged.Schema.Count > 0 && judged.Loader.Count == 0) || (judged.Schema.Count == 0 && judged.Loader.Any(e => !beyond.Contains(e.Rule))))
            .Select(judged => $"{judged.Break}: loader [{string.Join("; ", judged.Loader.Select(e => $"{e.Error.Path}: {e.Error.Message} ({e.Rule})"))}] schema [{string.Join("; ", judged.Schema.Select(s => $"{s.At}: {s.Keyword}"))}]")
            .ToList();

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} breaks judged differently:\n{string.Join("\n", disagreements)}");
    }

    [Fact]
    public void EverySchemaRule_RefusesSomeBreak()
    {
        var reached = breaks.Judged.SelectMany(judged => judged.Schema).Select(e => e.Keyword).ToHashSet(StringComparer.Ordinal);

        var unreached = SchemaRules.All().Where(rule => !reached.Contains(rule)).ToList();

        Assert.True(unreached.Count == 0, $"schema rules no break reaches:\n{string.Join("\n", unreached)}");
    }

    [Fact]
    public void EveryLoaderCheck_IsASchemaRuleOrBeyondTheSchema()
    {
        var beyond = BeyondChecks();
        var stated = breaks.Judged.Where(judged => judged.Schema.Count > 0).SelectMany(judged => judged.Loader.Select(e => e.Rule)).ToHashSet(StringComparer.Ordinal);

        var unaccounted = LoaderChecks.All().Where(site => !stated.Contains(site.Check) && !beyond.Contains(site.Check)).ToList();

        Assert.True(unaccounted.Count == 0, $"loader checks neither reached by a break the schema refuses nor listed as beyond the schema:\n{string.Join("\n", unaccounted.Select(s => $"{s.Check}: {s.Line.Trim()}"))}");
    }

    [Fact]
    public void BeyondTheSchema_NamesOneCheckEach()
    {
        var sites = LoaderChecks.All();

        foreach (var (file, line, _) in BeyondTheSchema.Checks)
        {
            Assert.True(sites.Count(s => s.Check.StartsWith(file + ":", StringComparison.Ordinal) && s.Line.Contains(line, StringComparison.Ordinal)) == 1, $"{file}: '{line}' must name exactly one check");
        }
    }

    private static HashSet<string> BeyondChecks()
    {
        var sites = LoaderChecks.All();
        return [.. BeyondTheSchema.Checks.SelectMany(b => sites.Where(s => s.Check.StartsWith(b.File + ":", StringComparison.Ordinal) && s.Line.Contains(b.Line, StringComparison.Ordinal)).Select(s => s.Check))];
    }
}
