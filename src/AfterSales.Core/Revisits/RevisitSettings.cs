using NodaTime;

namespace AfterSales.Core.Revisits;

/// <summary>The <c>Revisits</c> settings (see <see cref="RevisitSettingsLoader"/>). Intervals are whole months: months have no fixed length.</summary>
/// <param name="EarlyMonths">How long the first phase lasts (12: the first year).</param>
/// <param name="EarlyEvery">Months between revisits in the first phase (1: monthly).</param>
/// <param name="LaterEvery">Months between revisits after it (3: quarterly).</param>
/// <param name="HorizonMonths">No revisit later than this after delivery, even without a contract end.</param>
/// <param name="SendAt">The local time the day's revisits go out.</param>
public sealed record RevisitSettings(int EarlyMonths, int EarlyEvery, int LaterEvery, int HorizonMonths, LocalTime SendAt);
