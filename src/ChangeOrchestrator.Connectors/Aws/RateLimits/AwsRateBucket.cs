namespace ChangeOrchestrator.Connectors.Aws.RateLimits;

/// <summary>
/// A token bucket for one AWS operation that also adapts (AIMD): a throttled answer halves the rate it hands out
/// tokens at and empties the bucket, so the calls already waiting spread out at once; every call that goes through
/// adds back a twentieth of the configured rate, so the bucket recovers within a few dozen calls once AWS stops
/// throttling. It never hands out faster than configured, nor slower than a twentieth of it.
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

    /// <summary>Throttling answers this bucket has slowed down for.</summary>
    public long ThrottledAnswers => Interlocked.Read(ref _throttledAnswers);

    /// <summary>Waits until a token is free and takes it; the wait ends early only by cancellation.</summary>
    public async ValueTask TakeAsync(CancellationToken cancellationToken)
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
                    return;
                }

                wait = TimeSpan.FromSeconds((1 - _tokens) / _rate);
            }

            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, _time, cancellationToken);
        }
    }

    /// <summary>AWS answered with a throttling error: slow down.</summary>
    public void Throttled()
    {
        Interlocked.Increment(ref _throttledAnswers);
        lock (_gate)
        {
            Refill();
            _rate = Math.Max(_ceiling * MinimumShare, _rate / 2);
            _tokens = Math.Min(_tokens, 0);
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
