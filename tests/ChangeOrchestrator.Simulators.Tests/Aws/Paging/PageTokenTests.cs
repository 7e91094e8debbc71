using ChangeOrchestrator.Simulators.Aws.Paging;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Paging;

public sealed class PageTokenTests
{
    [Fact]
    public void Scan_EveryPageOfAFilteredSource_ExaminesEachItemAboutOnceAndReturnsEveryMatchInOrder()
    {
        // A third of 30,000 items match, 50 a page: 200 pages. Filtering the whole source for each page would examine
        // 6,000,000 items; a cursor examines each once, plus the look past each page for the next match.
        var source = Enumerable.Range(0, 30_000).ToList();
        var examined = 0;
        bool Matches(int item)
        {
            examined++;
            return item % 3 == 1;
        }

        var seen = new List<int>();
        var pages = 0;
        var position = 0;
        while (true)
        {
            var page = PageToken.Scan(source, Matches, position, 50);
            pages++;
            seen.AddRange(page.Items);
            if (page.NextToken is null)
            {
                break;
            }

            Assert.True(PageToken.TryDecode(page.NextToken, out position));
        }

        Assert.Equal(source.Where(i => i % 3 == 1), seen);
        Assert.Equal(200, pages);
        Assert.True(examined <= source.Count + pages, $"{examined} items examined for {source.Count} items in {pages} pages");
    }

    [Fact]
    public void Scan_PageEndingAtTheLastMatch_CarriesNoToken()
    {
        var source = Enumerable.Range(0, 100).ToList();

        var page = PageToken.Scan(source, i => i < 10, 0, 10);

        Assert.Equal(Enumerable.Range(0, 10), page.Items);
        Assert.Null(page.NextToken);
    }

    [Fact]
    public void Scan_TokenOfAnEarlierPage_ResumesAtTheNextMatch()
    {
        var source = Enumerable.Range(0, 100).ToList();

        var first = PageToken.Scan(source, i => i % 10 == 0, 0, 3);
        Assert.True(PageToken.TryDecode(first.NextToken, out var position));
        var second = PageToken.Scan(source, i => i % 10 == 0, position, 3);

        Assert.Equal([0, 10, 20], first.Items);
        Assert.Equal([30, 40, 50], second.Items);
    }
}
