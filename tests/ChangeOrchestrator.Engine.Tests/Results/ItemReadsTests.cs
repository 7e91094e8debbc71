using ChangeOrchestrator.Engine.Results;

namespace ChangeOrchestrator.Engine.Tests.Results;

public sealed class ItemReadsTests
{
    [Theory]
    [InlineData("steps.scan.instances", false)]
    [InlineData("({ all: steps.scan.instances, n: steps.scan.instances.length })", false)]
    [InlineData("concatLists(steps.canary?.instances, steps.rest?.instances)", false)]
    [InlineData("steps.scan.instances.map(i => i.instanceId)", true)]
    [InlineData("[...vars.ids]", true)]
    [InlineData("steps.rest?.ids ?? []", true)]
    [InlineData("(() => { const ids = vars.ids; return ids.slice(0, 2); })()", true)]
    public void Of_PathUse_ReadsItemsOnlyWhenTheExpressionUsesThem(string expression, bool readsItems)
    {
        var reads = ItemReads.Of(expression);

        Assert.Equal(readsItems, reads.Count > 0);
    }
}
