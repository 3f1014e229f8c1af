using System.Text;
using AfterSales.Core.Settings;
using AfterSales.Core.Tests.TestSupport;
using AfterSales.Core.Texts;

namespace AfterSales.Core.Tests.Texts;

public class TextTemplateTests
{
    private static readonly TextSettings Defaults = TextTestSettings.Defaults();

    public static TheoryData<string, TextKind> EveryDefaultTemplate()
    {
        var data = new TheoryData<string, TextKind>();
        foreach (var locale in TextTemplates.Locales)
        {
            foreach (var kind in Enum.GetValues<TextKind>()) data.Add(locale, kind);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryDefaultTemplate))]
    public void Every_default_template_fits_two_segments_with_long_realistic_values(string locale, TextKind kind)
    {
        var template = Defaults.Templates.For(kind, locale);
        var values = new Dictionary<string, string>(TextTemplateSamples.For(locale, TextTestSettings.LinkBase, Defaults.SurveyTokens()))
        {
            // Longer than any real name: cut to the limit when rendered.
            [TextPlaceholders.CustomerName] = locale == "en" ? "Maximilian-Alexander Konstantinopoulos-Papadimitriou" : "欧阳司马诸葛慕容上官皇甫东方夏侯长孙宇文令狐",
        };

        var rendered = TextRendering.Render(template, values);

        Assert.True(rendered.Size.Segments <= 2, $"{locale} {kind}: {rendered.Size} \"{rendered.Body}\"");
        Assert.DoesNotContain("{", rendered.Body, StringComparison.Ordinal);
        Assert.All(
            template.Placeholders.Where(p => p is not (TextPlaceholders.CustomerName or TextPlaceholders.Technician)),
            p => Assert.Contains(values[p], rendered.Body, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_kind_has_a_default_template_in_each_locale_with_the_ticket_number_where_it_matters()
    {
        foreach (var locale in TextTemplates.Locales)
        {
            var ack = Defaults.Templates.For(TextKind.Acknowledgement, locale);
            Assert.Contains(TextPlaceholders.TicketNumber, ack.Placeholders);
            Assert.Contains(TextPlaceholders.RespondBy, ack.Placeholders);
            Assert.Contains(TextPlaceholders.SurveyLink, Defaults.Templates.For(TextKind.Survey, locale).Placeholders);
            Assert.Contains(TextPlaceholders.VisitAt, Defaults.Templates.For(TextKind.AppointmentDayBefore, locale).Placeholders);
        }
    }

    [Fact]
    public void Placeholders_are_filled_and_a_long_name_is_cut_to_twenty_characters()
    {
        var template = Defaults.Templates.For(TextKind.Progress, "en");

        var rendered = TextRendering.Render(template, new Dictionary<string, string>
        {
            [TextPlaceholders.CustomerName] = "  Maximilian-Alexander Konstantinopoulos  ",
            [TextPlaceholders.TicketNumber] = "T-42",
        });

        Assert.StartsWith("Hello Maximilian-Alexander, we are still working on ticket T-42 ", rendered.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Cutting_a_name_never_splits_an_emoji()
    {
        var template = Defaults.Templates.For(TextKind.RatingThanks, "en");
        var name = new string('a', 19) + "😀😀";

        var rendered = TextRendering.Render(template, new Dictionary<string, string> { [TextPlaceholders.CustomerName] = name });

        Assert.Contains(new string('a', 19) + "😀!", rendered.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_customer_locale_maps_to_the_closest_supported_one_else_the_default()
    {
        Assert.Equal("en", Defaults.Templates.LocaleFor("en-GB"));
        Assert.Equal("en", Defaults.Templates.LocaleFor("EN"));
        Assert.Equal("zh-CN", Defaults.Templates.LocaleFor("zh"));
        Assert.Equal("zh-CN", Defaults.Templates.LocaleFor("fr-FR"));
        Assert.Equal("zh-CN", Defaults.Templates.LocaleFor(null));
    }

    [Fact]
    public void A_template_set_by_an_admin_replaces_the_default_of_its_locale_only()
    {
        var settings = TextTestSettings.With(("Texts:Templates:en:Progress", "Ticket {ticketNumber}: still on it, {customerName}."));

        Assert.Equal("Ticket {ticketNumber}: still on it, {customerName}.", settings.Templates.For(TextKind.Progress, "en").Source);
        Assert.Equal(Defaults.Templates.For(TextKind.Progress, "zh-CN").Source, settings.Templates.For(TextKind.Progress, "zh-CN").Source);
    }

    [Fact]
    public void A_kind_an_other_locale_leaves_empty_is_taken_from_the_default_locale()
    {
        var settings = TextTestSettings.With(("Texts:Templates:en:Revisit", ""));

        Assert.Same(settings.Templates.For(TextKind.Revisit, "zh-CN"), settings.Templates.For(TextKind.Revisit, "en"));
    }

    [Fact]
    public void An_unknown_placeholder_is_a_settings_error_naming_the_key_and_the_allowed_ones()
    {
        var error = Assert.Single(Errors(("Texts:Templates:en:Progress", "Hello {customerName}, see {visitAt}")));

        Assert.Equal("Texts__Templates__en__Progress", error.Key);
        Assert.Contains("unknown placeholder {visitAt}", error.Message, StringComparison.Ordinal);
        Assert.Contains("{customerName}, {ticketNumber}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hello {customerName", "is not closed")]
    [InlineData("Hello customerName}", "closes no placeholder")]
    public void A_stray_brace_is_a_settings_error(string template, string expected)
    {
        var error = Assert.Single(Errors(("Texts:Templates:zh_CN:Progress", template)));

        Assert.Equal("Texts__Templates__zh_CN__Progress", error.Key);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_longer_than_two_segments_with_long_values_is_a_settings_error()
    {
        var longText = new StringBuilder("{customerName}您好，").Append('请', 100).Append("工单{ticketNumber}").ToString();

        var error = Assert.Single(Errors(("Texts:Templates:zh_CN:Progress", longText)));

        Assert.Equal("Texts__Templates__zh_CN__Progress", error.Key);
        Assert.Contains("3 SMS segments (at most 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_survey_template_that_fits_is_refused_when_the_configured_link_is_too_long_for_it()
    {
        var errors = Errors(("Texts:SurveyLinkBase", "https://customer-service.a-very-long-company-name.example.com/api/surveys/respond/"));

        Assert.Contains(errors, e => e.Key == "Texts__Templates__zh_CN__Survey" && e.Message.Contains("too long", StringComparison.Ordinal));
    }

    [Fact]
    public void Templates_of_unknown_locales_or_kinds_are_unknown_settings()
    {
        var errors = Errors(("Texts:Templates:fr:Progress", "Bonjour"), ("Texts:Templates:en:Farewell", "Bye"));

        Assert.Equal(["Texts__Templates__en__Farewell", "Texts__Templates__fr__Progress"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    private static IReadOnlyList<SettingsError> Errors(params (string Key, string? Value)[] overrides) =>
        Assert.Throws<SettingsValidationException>(() => TextTestSettings.With(overrides)).Errors;
}
