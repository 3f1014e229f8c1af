using System.Diagnostics.CodeAnalysis;
using Cronos;

namespace AfterSales.Core.Settings;

/// <summary>
/// A timer trigger's NCRONTAB schedule as the Functions host reads it: six fields, seconds first
/// (<c>*/15 * * * * *</c>), in UTC.
/// </summary>
public static class ScheduleSetting
{
    public static bool TryParse(string text, [NotNullWhen(true)] out CronExpression? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields != 6)
        {
            error = $"'{text}' has {fields} fields: a timer schedule is NCRONTAB with six, seconds first (such as */15 * * * * * or 0 */5 * * * *)";
            return false;
        }

        try
        {
            value = CronExpression.Parse(text, CronFormat.IncludeSeconds);
            error = null;
            return true;
        }
        catch (CronFormatException e)
        {
            error = $"'{text}' is not an NCRONTAB schedule ({e.Message.TrimEnd('.')}); use six fields, seconds first, such as 0 */5 * * * *";
            return false;
        }
    }
}
