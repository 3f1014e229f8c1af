using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AfterSales.Core.Settings;

/// <summary>A share of a whole: <c>75%</c> or <c>0.75</c>, strictly between 0 and 1.</summary>
public static class ShareSetting
{
    public static bool TryParse(string text, out double value, [NotNullWhen(false)] out string? error)
    {
        value = 0;
        var trimmed = text.Trim();
        var percent = trimmed.EndsWith('%');
        var number = percent ? trimmed[..^1].TrimEnd() : trimmed;
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            error = $"'{text}' is not a share (use a percentage such as 75%, or a fraction such as 0.75)";
            return false;
        }

        var share = percent ? parsed / 100 : parsed;
        if (share <= 0 || share >= 1)
        {
            error = $"'{text}' must be more than 0% and less than 100%";
            return false;
        }

        value = (double)share;
        error = null;
        return true;
    }
}
