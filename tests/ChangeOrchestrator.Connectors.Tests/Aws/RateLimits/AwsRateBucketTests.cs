using ChangeOrchestrator.Connectors.Aws.RateLimits;
using Microsoft.Extensions.Time.Testing;

namespace ChangeOrchestrator.Connectors.Tests.Aws.RateLimits;

public sealed class AwsRateBucketTests
{
    [Fact]
    public void TakeAsync_BurstTokens_GoOutWithoutWaiting()
    {
        var time = new FakeTimeProvider();
        var bucket = new AwsRateBucket(new AwsOperationRate { PerSecond = 5, Burst = 3 }, time);

        for (var i = 0; i < 3; i++)
        {
            Assert.True(bucket.TakeAsync(CancellationToken.None).AsTask().IsCompleted);
        }

        Assert.False(bucket.TakeAsync(CancellationToken.None).AsTask().IsCompleted);
    }

    [Fact]
    public async Task TakeAsync_EmptyBucket_WaitsForTheRefillAtTheConfiguredRate()
    {
        var time = new FakeTimeProvider();
        var bucket = new AwsRateBucket(new AwsOperationRate { PerSecond = 5, Burst = 1 }, time);
        await bucket.TakeAsync(CancellationToken.None);

        var next = bucket.TakeAsync(CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(150));
        Assert.False(next.IsCompleted);

        // 5 per second: the next token is there 200 ms after the last one went.
        time.Advance(TimeSpan.FromMilliseconds(60));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Throttled_EachAnswer_HalvesTheRateDownToATwentieth()
    {
        var bucket = new AwsRateBucket(new AwsOperationRate { PerSecond = 100, Burst = 10 }, new FakeTimeProvider());

        bucket.Throttled();
        Assert.Equal(50, bucket.CurrentRate);
        bucket.Throttled();
        Assert.Equal(25, bucket.CurrentRate);
        for (var i = 0; i < 10; i++)
        {
            bucket.Throttled();
        }

        Assert.Equal(5, bucket.CurrentRate);
        Assert.Equal(12, bucket.ThrottledAnswers);
    }

    [Fact]
    public void Succeeded_AfterThrottling_RecoversStepByStepToTheConfiguredRateAndNoFurther()
    {
        var bucket = new AwsRateBucket(new AwsOperationRate { PerSecond = 100, Burst = 10 }, new FakeTimeProvider());
        bucket.Throttled();

        bucket.Succeeded();
        Assert.Equal(55, bucket.CurrentRate);
        for (var i = 0; i < 20; i++)
        {
            bucket.Succeeded();
        }

        Assert.Equal(100, bucket.CurrentRate);
    }

    [Fact]
    public async Task Throttled_WithTokensLeft_EmptiesTheBucketSoWaitingCallsSpreadOut()
    {
        var time = new FakeTimeProvider();
        var bucket = new AwsRateBucket(new AwsOperationRate { PerSecond = 10, Burst = 5 }, time);
        await bucket.TakeAsync(CancellationToken.None);

        bucket.Throttled();

        // Now 5 per second: nothing left in the bucket, the next token 200 ms away.
        var next = bucket.TakeAsync(CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(150));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(60));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task TakeAsync_Cancelled_StopsWaiting()
    {
        var time = new FakeTimeProvider();
        var bucket = new AwsRateBucket(new AwsOperationRate { PerSecond = 1, Burst = 1 }, time);
        await bucket.TakeAsync(CancellationToken.None);
        using var lost = new CancellationTokenSource();

        var next = bucket.TakeAsync(lost.Token).AsTask();
        await lost.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }
}
