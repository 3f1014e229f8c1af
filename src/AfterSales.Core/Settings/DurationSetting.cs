using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace AfterSales.Core.Settings;

/// <summary>
/// A calendar-time duration: ISO 8601 (<c>PT10M</c>, <c>P1DT4H</c>, <c>P2W</c>; no years or months, which have
/// no fixed length) or <c>hh:mm:ss</c> / <c>d.hh:mm:ss</c>. Bare numbers and prose are rejected; so are negatives.
/// </summary>
public static class DurationSetting
{
    public static bool TryParse(string text, out Duration value, [NotNullWhen(false)] out string? error)
    {
        value = Duration.Zero;
        if (!DurationSyntax.TryParse(text, out var days, out var time, out error)) return false;
        value = Duration.FromDays(days) + time;
        return true;
    }
}
