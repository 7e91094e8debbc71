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

    [Fact]
    public async Task WriteAsync_ListOfManyChunks_WritesTheRenderedTextWhileReadingTheList()
    {
        // 5,000 rows make about 100 KiB of table, sent in several pieces: the stream must carry exactly the text.
        const int servers = 5000;
        var expected = await EvidenceMarkdown.RenderAsync("Evidence for CHG0030001", Evidence(servers), r => new CountingReader(servers).ReadAsync(r), CancellationToken.None);
        var stream = new WriteCountingStream();

        await EvidenceMarkdown.WriteAsync(stream, "Evidence for CHG0030001", Evidence(servers), r => new CountingReader(servers).ReadAsync(r), CancellationToken.None);

        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        Assert.EndsWith("| i-4999 | success |\n", expected, StringComparison.Ordinal);
        Assert.True(stream.Writes > 2, $"The report went out in {stream.Writes} writes.");
    }

    private static JsonObject Evidence(int servers = Servers) => new()
    {
        ["summary"] = new JsonObject { ["patched"] = servers },
        ["instances"] = ResultReference.Create("patch", "instances", servers),
    };

    /// <summary>Counts how many times the report wrote to it.</summary>
    private sealed class WriteCountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Writes++;
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            return base.WriteAsync(buffer, cancellationToken);
        }
    }

    /// <summary>A stored list of results (<see cref="Servers"/> unless told) that counts the rows the report pulls from it.</summary>
    private sealed class CountingReader(int servers = Servers)
    {
        public int Read { get; private set; }

        public async IAsyncEnumerable<JsonNode?> ReadAsync(JsonObject reference, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Assert.True(ResultReference.Is(reference));
            for (var i = 0; i < servers; i++)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                Read++;
                yield return new JsonObject { ["instanceId"] = $"i-{i.ToString("D3", CultureInfo.InvariantCulture)}", ["state"] = "success" };
            }
        }
    }
}
