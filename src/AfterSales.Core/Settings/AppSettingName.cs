using System.Text.RegularExpressions;

namespace AfterSales.Core.Settings;

/// <summary>
/// Azure Functions on Linux (Flex Consumption) accepts only letters, digits, <c>_</c> and <c>.</c> in an app setting
/// name, so a name segment an admin chooses (a ladder level, a template locale) must keep to them, or the admin could
/// never set it there.
/// </summary>
public static partial class AppSettingName
{
    public static bool IsValidSegment(string segment) => ValidSegment().IsMatch(segment);

    /// <summary>Why <paramref name="segment"/> cannot be part of an app setting name, with a name that can.</summary>
    public static string WhyInvalid(string segment, string what, string suggestion) =>
        $"'{segment}' cannot be a {what}: an app setting name on Linux holds only letters, digits, '_' and '.', so this key could not be set in Azure (use a name such as {suggestion})";

    [GeneratedRegex("^[A-Za-z0-9_.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidSegment();
}
