using AfterSales.Core.Application;
using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>The report log in memory: the simulation's and the tests'. <see cref="Results"/> shows what each audience's last send gave.</summary>
public sealed class InMemoryReportLog : IReportLog
{
    private readonly Lock gate = new();
    private readonly HashSet<string> complete = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Period, string Audience), (SendResult? Result, int Attempts)> claims = [];

    public IReadOnlyDictionary<(string Period, string Audience), SendResult?> Results
    {
        get
        {
            lock (gate) return claims.ToDictionary(c => c.Key, c => c.Value.Result);
        }
    }

    public Task<bool> IsCompleteAsync(string period, CancellationToken cancellationToken)
    {
        lock (gate) return Task.FromResult(complete.Contains(period));
    }

    public Task<bool> TryClaimAsync(string period, string audience, Instant now, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!claims.TryGetValue((period, audience), out var claim))
            {
                claims[(period, audience)] = (null, 1);
                return Task.FromResult(true);
            }

            if (claim.Result is not { Sent: false } || claim.Attempts >= IReportLog.MaxAttempts) return Task.FromResult(false);
            claims[(period, audience)] = (null, claim.Attempts + 1);
            return Task.FromResult(true);
        }
    }

    public Task<bool> FinishAsync(string period, string audience, SendResult result, Instant now, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var attempts = claims.TryGetValue((period, audience), out var claim) ? claim.Attempts : 1;
            claims[(period, audience)] = (result, attempts);
            return Task.FromResult(result.Sent || attempts >= IReportLog.MaxAttempts);
        }
    }

    public Task MarkCompleteAsync(string period, Instant now, CancellationToken cancellationToken)
    {
        lock (gate) complete.Add(period);
        return Task.CompletedTask;
    }
}
