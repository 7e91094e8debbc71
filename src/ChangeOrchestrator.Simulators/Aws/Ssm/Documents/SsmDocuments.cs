namespace ChangeOrchestrator.Simulators.Aws.Ssm.Documents;

/// <summary>The Command documents the simulator can run, addressed by name or by ARN.</summary>
internal static class SsmDocuments
{
    private static readonly Dictionary<string, IDocumentRunner> Runners = new IDocumentRunner[]
    {
        new PatchBaselineRunner(),
        new ScriptRunner("AWS-RunShellScript", "aws:runShellScript", windows: false),
        new ScriptRunner("AWS-RunPowerShellScript", "aws:runPowerShellScript", windows: true),
    }.ToDictionary(runner => runner.Name, StringComparer.Ordinal);

    public static IDocumentRunner? Find(string nameOrArn)
    {
        var slash = nameOrArn.LastIndexOf('/');
        var name = nameOrArn.StartsWith("arn:", StringComparison.Ordinal) && slash > 0 ? nameOrArn[(slash + 1)..] : nameOrArn;
        return Runners.GetValueOrDefault(name);
    }
}
