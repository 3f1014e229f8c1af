using AfterSales.Core.Settings;
using NodaTime;

namespace AfterSales.Core.Tests.Settings;

public class RetentionSettingsTests
{
    [Fact]
    public void Message_bodies_are_kept_90_days_and_processed_message_ids_30_by_default()
    {
        var settings = RetentionSettingsLoader.LoadWithDefaults(TestSettings.Configuration());

        Assert.Equal(new RetentionSettings(Duration.FromDays(90), Duration.FromDays(30)), settings);
    }

    [Fact]
    public void Each_retention_may_be_set_as_an_iso_duration()
    {
        var settings = RetentionSettingsLoader.LoadWithDefaults(TestSettings.Configuration(
            ("Retention:MessageBodies", "P30D"), ("Retention:ProcessedMessages", "P2W")));

        Assert.Equal(new RetentionSettings(Duration.FromDays(30), Duration.FromDays(14)), settings);
    }

    [Theory]
    [InlineData("Retention:MessageBodies", "PT12H", "Retention__MessageBodies", "shorter than a day")]
    [InlineData("Retention:ProcessedMessages", "90", "Retention__ProcessedMessages", "")]
    [InlineData("Retention:MessageBodies", "", "Retention__MessageBodies", "")]
    public void A_retention_that_is_not_a_duration_of_a_day_or_more_is_an_error_naming_the_key(string key, string value, string named, string says)
    {
        var error = Assert.Single(Assert.Throws<SettingsValidationException>(
            () => RetentionSettingsLoader.LoadWithDefaults(TestSettings.Configuration((key, value)))).Errors);

        Assert.Equal(named, error.Key);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_under_retention_is_an_error()
    {
        var error = Assert.Single(Assert.Throws<SettingsValidationException>(
            () => RetentionSettingsLoader.LoadWithDefaults(TestSettings.Configuration(("Retention:MessageBody", "P30D")))).Errors);

        Assert.Equal("Retention__MessageBody", error.Key);
    }
}
