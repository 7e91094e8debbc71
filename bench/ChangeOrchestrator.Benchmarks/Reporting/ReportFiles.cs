namespace ChangeOrchestrator.Benchmarks.Reporting;

internal static class ReportFiles
{
    /// <summary>Writes latest.md and latest.json, each through a temporary file so a reader never sees half of one.</summary>
    public static async Task<(string Markdown, string Json)> WriteAsync(BenchReport report, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var markdown = Path.Combine(folder, "latest.md");
        var json = Path.Combine(folder, "latest.json");
        await WriteAtomicallyAsync(markdown, MarkdownReport.Render(report), cancellationToken);
        await WriteAtomicallyAsync(json, JsonReport.Render(report), cancellationToken);
        return (markdown, json);
    }

    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
