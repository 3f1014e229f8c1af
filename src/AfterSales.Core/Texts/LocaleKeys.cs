namespace AfterSales.Core.Texts;

/// <summary>
/// A locale is a BCP-47 value (<c>zh-CN</c>) where it is a value, and <c>zh_CN</c> where it is part of a setting name
/// (<c>Texts__Templates__zh_CN__Survey</c>), because an app setting name on Linux cannot hold '-'.
/// </summary>
public static class LocaleKeys
{
    public static string KeyOf(string locale) => locale.Replace('-', '_');

    /// <summary>The supported locale a key segment names (<c>zh_CN</c> → <c>zh-CN</c>, case ignored); null for none.</summary>
    public static string? LocaleOf(string key) =>
        TextTemplates.Locales.FirstOrDefault(l => KeyOf(l).Equals(key, StringComparison.OrdinalIgnoreCase));
}
