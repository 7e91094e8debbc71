namespace ChangeOrchestrator.Engine.Definitions;

/// <summary>The JSON Schema of workflow files, shipped inside the engine so servers and tools serve the exact copy they validate with.</summary>
public static class WorkflowSchema
{
    private static readonly Lazy<string> Text = new(() =>
    {
        using var stream = typeof(WorkflowSchema).Assembly.GetManifestResourceStream("workflow.schema.json")
            ?? throw new InvalidOperationException("The workflow schema is missing from the engine assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Json => Text.Value;
}
