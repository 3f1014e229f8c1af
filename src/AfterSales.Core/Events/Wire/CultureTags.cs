using System.Globalization;
using System.Text.RegularExpressions;

namespace AfterSales.Core.Events.Wire;

internal static partial class CultureTags
{
    // Without ICU (invariant globalization) every culture lookup fails, so only the shape can be checked.
    private static readonly bool CultureDataAvailable = IsPredefined("zh-CN");

    /// <summary>A BCP 47 tag such as <c>zh-CN</c> or <c>en</c> that names a culture the runtime knows.</summary>
    public static bool IsKnown(string tag) =>
        Shape().IsMatch(tag) && (!CultureDataAvailable || IsPredefined(tag));

    private static bool IsPredefined(string tag)
    {
        try
        {
            return CultureInfo.GetCultureInfo(tag, predefinedOnly: true).Name.Length > 0;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
