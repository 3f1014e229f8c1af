using AfterSales.Core.Settings;
using AfterSales.Core.Texts;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Core.Tests.TestSupport;

/// <summary>The shipped <c>Texts</c> defaults plus the two settings a deployment must give (signing key, link base).</summary>
internal static class TextTestSettings
{
    public const string SigningKey = "test-signing-key-0123456789abcdef-0123456789";
    public const string LinkBase = "https://cs.example.cn/s/";

    public static TextSettings Defaults() => With();

    public static TextSettings With(params (string Key, string? Value)[] overrides) => With(TestSettings.Defaults(), overrides);

    public static TextSettings With(AfterSalesSettings settings, params (string Key, string? Value)[] overrides) =>
        TextSettingsLoader.LoadWithDefaults(Configuration(overrides), settings);

    public static IConfiguration Configuration(params (string Key, string? Value)[] overrides)
    {
        var values = new Dictionary<string, string?>
        {
            ["Texts:SurveySigningKey"] = SigningKey,
            ["Texts:SurveyLinkBase"] = LinkBase,
        };
        foreach (var (key, value) in overrides) values[key] = value;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
