namespace AfterSales.LoadRun;

public static class Percentiles
{
    public static double Of(IReadOnlyList<double> ascending, double share) =>
        ascending.Count == 0 ? double.NaN : ascending[Math.Clamp((int)Math.Ceiling(share * ascending.Count), 1, ascending.Count) - 1];
}
