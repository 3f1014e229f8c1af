using System.Globalization;
using NodaTime;

namespace AfterSales.Core.Revisits;

/// <summary>Deterministic keys of what the revisit run produces, so each happens once however often it runs.</summary>
public static class RevisitKeys
{
    public static string Text(string installationId, LocalDate date) => $"revisit/{installationId}/{Day(date)}";

    /// <summary>Where an installation's revisit texts sit in the outbox, which is partitioned by ticket elsewhere.</summary>
    public static string OutboxPartition(string installationId) => $"revisit-{installationId}";

    public static string CallList(LocalDate date) => $"revisits/{Day(date)}/call-list";

    public static string Day(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The date of a <see cref="Day"/> key.</summary>
    public static LocalDate ParseDay(string day) => NodaTime.Text.LocalDatePattern.Iso.Parse(day).Value;
}
