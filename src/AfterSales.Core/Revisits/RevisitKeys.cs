using System.Globalization;
using NodaTime;

namespace AfterSales.Core.Revisits;

/// <summary>Deterministic keys of what the revisit run produces, so each happens once however often it runs.</summary>
public static class RevisitKeys
{
    public static string Text(string installationId, LocalDate date) => $"revisit/{installationId}/{Day(date)}";

    public static string CallList(LocalDate date) => $"revisits/{Day(date)}/call-list";

    public static string Day(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
