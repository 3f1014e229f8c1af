using NodaTime;

namespace AfterSales.Core.Simulation;

public static class Percentile
{
    /// <summary>Nearest-rank percentile of an ascending list; null when empty.</summary>
    public static Duration? NearestRank(IReadOnlyList<Duration> ascending, double share)
    {
        if (ascending.Count == 0) return null;
        var rank = (int)Math.Ceiling(share * ascending.Count);
        return ascending[Math.Clamp(rank, 1, ascending.Count) - 1];
    }
}
