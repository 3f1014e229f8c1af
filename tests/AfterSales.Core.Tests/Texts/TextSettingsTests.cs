using AfterSales.Core.Settings;
using AfterSales.Core.Tests.TestSupport;
using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Core.Tests.Texts;

public class TextSettingsTests
{
    [Fact]
    public void Defaults_are_shanghai_quiet_nights_and_holidays_one_text_a_day_and_a_survey_a_month()
    {
        var texts = TextTestSettings.Defaults();

        Assert.Equal("Asia/Shanghai", texts.CustomerTimeZone.Id);
        Assert.Equal((new LocalTime(21, 0), new LocalTime(8, 0)), (texts.QuietHours.From, texts.QuietHours.Until));
        Assert.Contains(new LocalDate(2026, 10, 7), texts.QuietHours.Holidays);
        Assert.Contains(new LocalDate(2026, 2, 15), texts.QuietHours.Holidays);
        Assert.DoesNotContain(new LocalDate(2026, 10, 10), texts.QuietHours.Holidays);
        Assert.Equal(1, texts.NonUrgentPerDay);
        Assert.Equal(Duration.FromDays(30), texts.SurveyEvery);
        Assert.Equal(Duration.FromHours(2), texts.SurveyDelay);
        Assert.Equal(Duration.FromHours(48), texts.SurveyReminderAfter);
        Assert.Equal(Duration.FromDays(1), texts.AppointmentDayBeforeLead);
        Assert.Null(texts.AppointmentSoonBefore);
        Assert.Equal("zh-CN", texts.Templates.DefaultLocale);
        Assert.Equal(Duration.FromDays(30), texts.SurveyTokenLifetime);
        Assert.Equal(TextTestSettings.LinkBase, texts.SurveyLinkBase);
    }

    [Fact]
    public void The_second_appointment_reminder_is_switched_on_with_its_lead()
    {
        var texts = TextTestSettings.With(("Texts:AppointmentSoonReminder", "true"), ("Texts:AppointmentSoonBefore", "PT90M"));

        Assert.Equal(Duration.FromMinutes(90), texts.AppointmentSoonBefore);
    }

    [Fact]
    public void No_holiday_calendar_means_no_quiet_holidays()
    {
        Assert.Empty(TextTestSettings.With(("Texts:HolidayCalendar", "")).QuietHours.Holidays);
    }

    [Fact]
    public void The_signing_key_and_link_base_have_no_default_and_are_required()
    {
        var errors = Assert.Throws<SettingsValidationException>(() =>
            TextTestSettings.With(("Texts:SurveySigningKey", null), ("Texts:SurveyLinkBase", null))).Errors;

        Assert.Equal(["Texts__SurveyLinkBase", "Texts__SurveySigningKey"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.Contains("required", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_signing_key_is_refused_without_quoting_it()
    {
        var error = Assert.Single(Errors(("Texts:SurveySigningKey", "s3cret-but-short")));

        Assert.Equal("Texts__SurveySigningKey", error.Key);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Texts:QuietHours", "9pm-8am", "Texts__QuietHours", "is not a span of quiet hours")]
    [InlineData("Texts:CustomerTimeZone", "China", "Texts__CustomerTimeZone", "is not an IANA time zone id")]
    [InlineData("Texts:HolidayCalendar", "Lunar", "Texts__HolidayCalendar", "'Lunar' is not a calendar (known: 24x7, Business")]
    [InlineData("Texts:NonUrgentPerDay", "-1", "Texts__NonUrgentPerDay", "negative")]
    [InlineData("Texts:SurveyDelay", "2", "Texts__SurveyDelay", "'2'")]
    [InlineData("Texts:SurveyTokenLifetime", "PT0S", "Texts__SurveyTokenLifetime", "longer than zero")]
    [InlineData("Texts:SurveyLinkBase", "cs.example.cn/s", "Texts__SurveyLinkBase", "is not an absolute http(s) URL")]
    [InlineData("Texts:SurveyLinkBase", "https://cs.example.cn/s?lang=zh", "Texts__SurveyLinkBase", "whose query ends in '='")]
    [InlineData("Texts:DefaultLocale", "fr", "Texts__DefaultLocale", "is not a supported locale")]
    [InlineData("Texts:QuietHour", "21:00-08:00", "Texts__QuietHour", "unknown setting")]
    public void A_bad_setting_is_an_error_naming_its_key(string key, string value, string expectedKey, string expected)
    {
        var error = Assert.Single(Errors((key, value)));

        Assert.Equal(expectedKey, error.Key);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_base_whose_query_ends_in_an_empty_parameter_takes_the_token_as_its_value()
    {
        var texts = TextTestSettings.With(("Texts:SurveyLinkBase", "http://localhost:7071/api/survey?token="));

        Assert.Equal("http://localhost:7071/api/survey?token=", texts.SurveyLinkBase);
    }

    [Fact]
    public void Bad_template_keys_are_listed_even_while_the_survey_link_base_is_missing()
    {
        var errors = Errors(("Texts:SurveyLinkBase", null), ("Texts:Templates:fr:Progress", "Bonjour"), ("Texts:Templates:en:Progress", "Hi {nobody}"));

        Assert.Equal(
            ["Texts__SurveyLinkBase", "Texts__Templates__en__Progress", "Texts__Templates__fr__Progress"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    private static IReadOnlyList<SettingsError> Errors(params (string Key, string? Value)[] overrides) =>
        Assert.Throws<SettingsValidationException>(() => TextTestSettings.With(overrides)).Errors;
}
