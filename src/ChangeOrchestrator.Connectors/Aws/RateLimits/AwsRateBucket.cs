namespace ChangeOrchestrator.Connectors.Aws.RateLimits;

/// <summary>
/// A token bucket for one AWS operation that also adapts (AIMD): a throttled answer halves the rate it hands out
/// tokens at and empties the bucket, so the calls already waiting spread out at once; every call that goes through
/// adds back a twentieth of the configured rate, so the bucket recovers within a few dozen calls once AWS stops
/// throttling. It never hands out faster than configured, nor slower than a twentieth of it.
/// <para>
/// One throttling episode halves the rate once. Calls run side by side, so when AWS starts throttling, every call
/// already in flight comes back throttled too; those calls left at the old rate and say nothing about the new one.
/// Halving for each of them would drop the rate to its floor after a single episode and keep it there. So each token
/// carries the number of slow-downs so far, and a throttled answer slows the bucket down only when no slow-down
/// happened since its call was sent.
/// </para>
/// </summary>
internal sealed class AwsRateBucket
{
    private const double MinimumShare = 0.05;

    private const double RecoveryShare = 0.05;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly double _ceiling;
    private readonly double _burst;
    private double _rate;
    private double _tokens;
    private long _refilledAt;
    private long _slowDowns;
    private long _throttledAnswers;

    public AwsRateBucket(AwsOperationRate rate, TimeProvider time)
    {
        _time = time;
        _ceiling = rate.PerSecond;
        _burst = Math.Max(1, rate.Burst);
        _rate = _ceiling;
        _tokens = _burst;
        _refilledAt = time.GetTimestamp();
    }

    /// <summary>The rate tokens are handed out at now, per second.</summary>
    public double CurrentRate
    {
        get
        {
            lock (_gate)
            {
                return _rate;
            }
        }
    }

    /// <summary>Throttling answers this bucket was told of, whether or not each slowed it down.</summary>
    public long ThrottledAnswers => Interlocked.Read(ref _throttledAnswers);

    /// <summary>Times the bucket slowed down: once per throttling episode.</summary>
    public long SlowDowns => Interlocked.Read(ref _slowDowns);

    /// <summary>
    /// Waits until a token is free and takes it; the wait ends early only by cancellation. Returns the token's
    /// ticket: give it to <see cref="Throttled"/> if the call it was taken for is throttled.
    /// </summary>
    public async ValueTask<long> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                Refill();
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return _slowDowns;
                }

                wait = TimeSpan.FromSeconds((1 - _tokens) / _rate);
            }

            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, _time, cancellationToken);
        }
    }

    /// <summary>
    /// AWS answered the call sent with <paramref name="ticket"/> with a throttling error: slow down, unless the bucket
    /// already slowed down after that call left.
    /// </summary>
    public void Throttled(long ticket)
    {
        Interlocked.Increment(ref _throttledAnswers);
        lock (_gate)
        {
            if (ticket != _slowDowns)
            {
                return;
            }

            Refill();
            _rate = Math.Max(_ceiling * MinimumShare, _rate / 2);
            _tokens = Math.Min(_tokens, 0);
            _slowDowns++;
        }
    }

    /// <summary>A call went through: speed back up towards the configured rate.</summary>
    public void Succeeded()
    {
        lock (_gate)
        {
            _rate = Math.Min(_ceiling, _rate + (_ceiling * RecoveryShare));
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_refilledAt, now).TotalSeconds;
        _refilledAt = now;
        _tokens = Math.Min(_burst, _tokens + (elapsed * _rate));
    }
}
