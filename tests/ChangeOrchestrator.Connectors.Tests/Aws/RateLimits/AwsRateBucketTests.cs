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
    public async Task Throttled_EachEpisode_HalvesTheRateDownToATwentieth()
    {
        var time = new FakeTimeProvider();
        var bucket = new AwsRateBucket(new AwsOperationRate { PerSecond = 100, Burst = 10 }, time);

        // Each call is sent after the previous slow-down, so each throttled answer is news.
        for (var i = 0; i < 12; i++)
        {
            var ticket = bucket.TakeAsync(CancellationToken.None).AsTask();
            time.Advance(TimeSpan.FromSeconds(1));
            bucket.Throttled(await ticket);
            Assert.Equal(Math.Max(5, 100 / Math.Pow(2, i + 1)), bucket.CurrentRate);
        }

        Assert.Equal(12, bucket.ThrottledAnswers);
        Assert.Equal(12, bucket.SlowDowns);
    }

    [Fact]
    public async Task Throttled_CallsSentBeforeTheLastSlowDown_DoNotSlowItDownAgain()
    {
        var time = new FakeTimeProvider();
        var bucket = new AwsRateBucket(new AwsOperationRate { PerSecond = 100, Burst = 10 }, time);
        var inFlight = new List<long>();
        for (var i = 0; i < 8; i++)
        {
            inFlight.Add(await bucket.TakeAsync(CancellationToken.None));
        }

        // AWS starts throttling: all eight calls already out come back throttled.
        foreach (var ticket in inFlight)
        {
            bucket.Throttled(ticket);
        }

        Assert.Equal(50, bucket.CurrentRate);
        Assert.Equal(8, bucket.ThrottledAnswers);
        Assert.Equal(1, bucket.SlowDowns);

        // A call sent at the new rate and throttled again is a new episode.
        var next = bucket.TakeAsync(CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(1));
        bucket.Throttled(await next);
        Assert.Equal(25, bucket.CurrentRate);
    }

    [Fact]
    public void Succeeded_AfterThrottling_RecoversStepByStepToTheConfiguredRateAndNoFurther()
    {
        var bucket = new AwsRateBucket(new AwsOperationRate { PerSecond = 100, Burst = 10 }, new FakeTimeProvider());
        bucket.Throttled(ticket: 0);

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
        var ticket = await bucket.TakeAsync(CancellationToken.None);

        bucket.Throttled(ticket);

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
