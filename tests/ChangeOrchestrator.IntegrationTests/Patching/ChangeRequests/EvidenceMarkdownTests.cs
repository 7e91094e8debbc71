using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Results;
using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.IntegrationTests.Patching.ChangeRequests;

public sealed class EvidenceMarkdownTests
{
    private const int Servers = 50;

    [Fact]
    public async Task RenderAsync_RowsPerList_WritesTheFirstRowsAndHowManyMoreTheListHolds()
    {
        var read = new CountingReader();

        var markdown = await EvidenceMarkdown.RenderAsync("Evidence for CHG0030001", Evidence(), r => read.ReadAsync(r), rowsPerList: 5, CancellationToken.None);

        var rows = markdown.Split('\n').Where(l => l.StartsWith("| i-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["| i-000 | success |", "| i-001 | success |", "| i-002 | success |", "| i-003 | success |", "| i-004 | success |"], rows);
        Assert.Contains("_… and 45 more of 50._", markdown, StringComparison.Ordinal);
        Assert.Contains("- **patched**: 50", markdown, StringComparison.Ordinal);
        Assert.Equal(5, read.Read);
    }

    [Fact]
    public async Task RenderAsync_WithoutRowLimit_WritesEveryRowAndNoRemainder()
    {
        var read = new CountingReader();

        var markdown = await EvidenceMarkdown.RenderAsync("Evidence for CHG0030001", Evidence(), r => read.ReadAsync(r), CancellationToken.None);

        Assert.Equal(Servers, markdown.Split('\n').Count(l => l.StartsWith("| i-", StringComparison.Ordinal)));
        Assert.DoesNotContain("more of", markdown, StringComparison.Ordinal);
        Assert.Equal(Servers, read.Read);
    }

    private static JsonObject Evidence() => new()
    {
        ["summary"] = new JsonObject { ["patched"] = Servers },
        ["instances"] = ResultReference.Create("patch", "instances", Servers),
    };

    /// <summary>A stored list of <see cref="Servers"/> results that counts the rows the report pulls from it.</summary>
    private sealed class CountingReader
    {
        public int Read { get; private set; }

        public async IAsyncEnumerable<JsonNode?> ReadAsync(JsonObject reference, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Assert.True(ResultReference.Is(reference));
            for (var i = 0; i < Servers; i++)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                Read++;
                yield return new JsonObject { ["instanceId"] = $"i-{i.ToString("D3", CultureInfo.InvariantCulture)}", ["state"] = "success" };
            }
        }
    }
}
